import { bigint, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, idColumn, timestamps } from "../_columns.ts";
import { auditActorTypes } from "../audit/audit-log.ts";
import { users } from "./users.ts";

export const userMessageStatuses = ["queued", "sending", "sent", "skipped", "failed"] as const;
export type UserMessageStatus = (typeof userMessageStatuses)[number];

/**
 * A message an operator sends to one user through a bot. The row is queued with the audit entry
 * and claimed (queued -> sending) before the job sends it, so a retried job never sends twice.
 */
export const userMessages = pgTable(
  "user_messages",
  {
    id: idColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    botId: uuid("bot_id").notNull(),
    text: text("text").notNull(),
    status: text("status", { enum: userMessageStatuses }).notNull().default("queued"),
    sentByType: text("sent_by_type", { enum: auditActorTypes }).notNull(),
    sentById: text("sent_by_id"),
    telegramMessageId: bigint("telegram_message_id", { mode: "number" }),
    error: text("error"),
    claimedAt: at("claimed_at"),
    sentAt: at("sent_at"),
    ...timestamps,
  },
  (t) => [index("user_messages_user_idx").on(t.userId, t.createdAt)],
);

export type UserMessageRow = typeof userMessages.$inferSelect;
