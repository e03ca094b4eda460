import { courseTariffs, currencies } from "@lumen/db";
import { z } from "zod";

export const productDetailsInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("credits"), credits: z.number().int().min(1).max(1_000_000) }),
  z.object({
    kind: z.literal("plan"),
    planCode: z.string().trim().min(1).max(100),
    periodDays: z.number().int().min(1).max(3660),
    messagesPerPeriod: z.number().int().min(1).max(1_000_000).nullable().default(null),
    fairUseCap: z.number().int().min(1).max(1_000_000).default(1000),
    channelIds: z.array(z.number().int()).max(50).default([]),
  }),
  z.object({
    kind: z.literal("course"),
    courseCode: z.string().trim().min(1).max(100),
    tariff: z.enum(courseTariffs),
  }),
  z.object({
    kind: z.literal("digital"),
    text: z.string().min(1).max(4000).nullable().default(null),
    fileId: z.string().min(1).max(300).nullable().default(null),
  }),
]);

/** Prices in minor units: kopecks for RUB, whole Stars for XTR. At least one currency. */
export const pricesInput = z
  .array(z.object({ currency: z.enum(currencies), amount: z.number().int().min(1).max(1_000_000_000) }))
  .min(1, "give at least one price")
  .refine(
    (prices) => new Set(prices.map((p) => p.currency)).size === prices.length,
    "one price per currency",
  );

export const productInput = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(""),
  imageUrl: z.url().max(2000).nullable().default(null),
  category: z
    .string()
    .trim()
    .max(40)
    .transform((c) => c || null)
    .nullable()
    .default(null),
  active: z.boolean().default(true),
  newcomersOnly: z.boolean().default(false),
  sortOrder: z.number().int().min(-1_000_000).max(1_000_000).default(0),
  details: productDetailsInput,
  prices: pricesInput,
});

export const productPatch = productInput
  .partial()
  .refine((p) => Object.keys(p).length > 0, "send at least one field");

export type ProductInput = z.input<typeof productInput>;
