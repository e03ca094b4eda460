import { z } from "zod";

const paymentMode = z.enum(["test", "live", "unknown"]).nullable();

/** What the installation is configured to do; read-only, and never a secret (only whether one is set). */
export const settingsResponse = z
  .object({
    version: z.string(),
    environment: z.enum(["development", "production", "test"]),
    public_url: z.string().nullable(),
    bot_mode: z.enum(["webhook", "polling"]),
    database: z.enum(["pglite", "postgres"]),
    payments: z.object({
      telegram_stars: z.object({ enabled: z.boolean() }),
      telegram_payments: z.object({ enabled: z.boolean(), mode: paymentMode }),
      yookassa: z.object({
        enabled: z.boolean(),
        mode: paymentMode,
        shop_id: z.string().nullable(),
        receipts: z.boolean(),
        return_url: z.string().nullable(),
      }),
      mock: z.object({ enabled: z.boolean() }),
    }),
    ai: z.object({
      configured: z.boolean().describe("Whether an OpenAI API key is set"),
      base_url: z.string(),
      default_model: z.string(),
      models: z.array(z.object({ id: z.string(), price: z.number().int() })),
      timeout_ms: z.number().int(),
      context_turns: z.number().int(),
    }),
    trial: z.object({ messages: z.number().int(), days: z.number().int().nullable() }),
    access: z.object({ reminder_days: z.array(z.number().int()), grace_minutes: z.number().int() }),
    referrals: z.object({ percent: z.number().int(), hold_days: z.number().int() }),
    operator_notices: z.object({ configured: z.boolean() }),
  })
  .meta({ id: "Settings" });
