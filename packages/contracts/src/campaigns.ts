import { z } from "zod";

export const campaignKindValues = ["trial_ending", "checkout_abandoned", "winback", "newcomer"] as const;

export const campaign = z
  .object({
    kind: z.enum(campaignKindValues),
    enabled: z.boolean(),
    texts: z.record(z.string(), z.string()),
    delay: z
      .number()
      .int()
      .describe("hours (trial ending: before its end; checkout; newcomer) or days (win-back)"),
    percent_off: z.number().int().nullable().describe("win-back: the personal one-time code's discount"),
    sent: z.number().int(),
    failed: z.number().int(),
    blocked: z.number().int(),
    revenue: z.array(z.object({ currency: z.string(), amount: z.number().int(), orders: z.number().int() })),
  })
  .meta({ id: "Campaign" });

export const campaignRequest = z.object({
  enabled: z.boolean(),
  texts: z
    .partialRecord(z.enum(["en", "ru"]), z.string().max(4096))
    .describe("HTML per language; {first_name}, and {promo_code} in the win-back"),
  delay: z.number().int().min(1).max(720),
  percent_off: z.number().int().min(1).max(100).nullable().optional(),
});
