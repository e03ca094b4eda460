import { bigint, boolean, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { at, idColumn, timestamps } from "../_columns.ts";

export const botFeatures = ["assistant", "shop", "access", "courses", "tasks"] as const;
export type BotFeature = (typeof botFeatures)[number];

/** A Telegram bot the operator runs through Lumen. The token is stored encrypted (AES-256-GCM). */
export const bots = pgTable("bots", {
  id: idColumn(),
  telegramId: bigint("telegram_id", { mode: "number" }).notNull().unique(),
  username: text("username").notNull(),
  name: text("name").notNull(),
  tokenEncrypted: text("token_encrypted").notNull(),
  /** Sent by Telegram as X-Telegram-Bot-Api-Secret-Token on every webhook call. */
  webhookSecret: text("webhook_secret").notNull(),
  features: jsonb("features").$type<BotFeature[]>().notNull().default([]),
  enabled: boolean("enabled").notNull().default(true),
  /** When an update last arrived, stamped at most once a minute so handling stays a read. */
  lastUpdateAt: at("last_update_at"),
  /** Where this bot's sale notices go (a chat the bot can write to); unset: ADMIN_CHAT_ID. */
  noticeChatId: bigint("notice_chat_id", { mode: "number" }),
  /** The language of those notices, the operators' (en or ru). */
  noticeLocale: text("notice_locale", { enum: ["en", "ru"] })
    .notNull()
    .default("en"),
  ...timestamps,
});

export type BotRow = typeof bots.$inferSelect;
