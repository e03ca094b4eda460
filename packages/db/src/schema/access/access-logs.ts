import { bigint, bigserial, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at } from "../_columns.ts";

/** What the access domain did or saw in a paid chat, for the operator's access log. */
export const accessEventKinds = [
  "invite_issued",
  "member_joined",
  "stranger_removed",
  "join_request_offered",
  "join_request_approved",
  "join_request_declined",
  "reminder_sent",
  "access_expired",
  "member_removed",
] as const;
export type AccessEventKind = (typeof accessEventKinds)[number];

/**
 * Seed 003's access log: one row per thing that happened to someone's access to a chat.
 * Append-only; `event_key` is the event's natural key, so a repeated Telegram update or a
 * retried job records it once.
 */
export const accessLogs = pgTable(
  "access_logs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind", { enum: accessEventKinds }).notNull(),
    botId: uuid("bot_id"),
    chatId: bigint("chat_id", { mode: "number" }).notNull(),
    /** Our user, when the person is known to the bot; a stranger may be known by Telegram id only. */
    userId: uuid("user_id"),
    telegramUserId: bigint("telegram_user_id", { mode: "number" }),
    subscriptionId: uuid("subscription_id"),
    inviteLink: text("invite_link"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    eventKey: text("event_key").notNull().unique(),
    occurredAt: at("occurred_at").notNull(),
  },
  (t) => [
    index("access_logs_chat_idx").on(t.chatId, t.occurredAt, t.id),
    index("access_logs_user_idx").on(t.userId, t.occurredAt),
  ],
);

export type AccessLogRow = typeof accessLogs.$inferSelect;
