import { z } from "zod";
import { boundedInt, limits, timestamp } from "./common.ts";

export const user = z
  .object({
    id: z.uuid(),
    telegram_id: z.number().int(),
    first_name: z.string(),
    last_name: z.string().nullable(),
    username: z.string().nullable(),
    language_code: z.string().nullable(),
    locale: z.string().nullable(),
    referral_source: z.string().nullable(),
    is_banned: z.boolean(),
    blocked_at: timestamp.nullable(),
    bot_id: z.uuid().nullable().describe("the bot the user first wrote to"),
    first_seen_at: timestamp,
    last_seen_at: timestamp,
  })
  .meta({ id: "User" });

export const registerUserRequest = z.object({
  telegram_id: boundedInt(1, limits.telegramId),
  first_name: z.string().trim().min(1).max(256),
  last_name: z.string().max(256).nullish(),
  username: z.string().max(64).nullish(),
  language_code: z.string().max(16).nullish(),
  start_payload: z
    .string()
    .max(64)
    .nullish()
    .describe("The /start payload that brought the user (first visit only)"),
});

export const updateUserRequest = z
  .object({
    locale: z.enum(["en", "ru"]).optional(),
    is_banned: z.boolean().optional(),
    model: z.string().min(1).optional(),
    style: z.string().min(1).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, "Send at least one field to change");
