import { z } from "zod";
import { timestamp } from "./common.ts";

export const botFeature = z.enum(["assistant", "shop", "access", "courses", "tasks"]);

export const bot = z
  .object({
    id: z.uuid(),
    telegram_id: z.number().int(),
    username: z.string(),
    name: z.string(),
    features: z.array(botFeature),
    enabled: z.boolean(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "Bot" });

export const createBotRequest = z.object({
  // Checked here, not only by asking Telegram: a token with "/" or "?" would change the URL it is sent to.
  token: z
    .string()
    .regex(/^\d{1,20}:[\w-]{30,100}$/, "is not a bot token from @BotFather")
    .describe("The token from @BotFather"),
  features: z.array(botFeature).optional(),
  enabled: z.boolean().optional(),
});
