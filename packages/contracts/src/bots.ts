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
    last_update_at: timestamp.nullable().describe("When an update last arrived (kept to the minute)"),
    notice_chat_id: z.number().int().nullable().describe("Where sale notices go; null: ADMIN_CHAT_ID"),
    notice_locale: z.enum(["en", "ru"]),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "Bot" });

export const createBotRequest = z.object({
  // Checked here, not only by asking Telegram: a token with "/" or "?" would change the URL it is sent to.
  token: z
    .string()
    .trim()
    .regex(/^\d{1,20}:[\w-]{30,100}$/, "is not a bot token from @BotFather (123456:ABC...)")
    .describe("The token from @BotFather"),
  features: z.array(botFeature).optional(),
  enabled: z.boolean().optional(),
});

export const botMode = z.enum(["polling", "webhook"]);

export const botList = z.object({
  items: z.array(bot),
  mode: botMode.describe("How this installation receives updates: long polling, or webhooks at PUBLIC_URL"),
  mini_app: z
    .enum(["https", "no_public_url", "not_https"])
    .describe(
      "Whether the bots can offer the Mini App: Telegram opens it over HTTPS only, so without an https PUBLIC_URL its buttons are left out",
    ),
});

export const updateBotRequest = z
  .object({
    enabled: z.boolean().optional(),
    features: z
      .array(botFeature)
      .max(botFeature.options.length)
      .refine((list) => new Set(list).size === list.length, "lists a feature twice")
      .optional(),
    /** The chat that hears of this bot's sales; null: the ADMIN_CHAT_ID chat. */
    notice_chat_id: z
      .number()
      .int()
      .min(-(2 ** 52))
      .max(2 ** 52)
      .nullable()
      .optional(),
    notice_locale: z.enum(["en", "ru"]).optional(),
  })
  .refine((body) => Object.values(body).some((v) => v !== undefined), "send at least one field");

/** Telegram's getWebhookInfo for the bot, as Telegram answered it just now. */
export const botWebhookStatus = z
  .object({
    mode: botMode,
    url: z.string().describe("Empty in polling mode"),
    pending_update_count: z.number().int(),
    last_error_date: timestamp.nullable(),
    last_error_message: z.string().nullable(),
    last_synchronization_error_date: timestamp.nullable(),
    max_connections: z.number().int().nullable(),
    allowed_updates: z.array(z.string()).nullable(),
  })
  .meta({ id: "BotWebhookStatus" });

/** The `first_update` event of a bot's live stream: its first update arrived (or had before). */
export const botFirstUpdate = z
  .object({
    at: timestamp,
    kind: z
      .string()
      .nullable()
      .describe("message, callback_query…; null when it arrived before the page asked"),
    from_name: z.string().nullable().describe("The first name of whoever sent it"),
  })
  .meta({ id: "BotFirstUpdate" });
