import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, idColumn } from "../_columns.ts";
import { users } from "../users/users.ts";

/** One free trial per Telegram user, ever: the primary key is the user. */
export const assistantTrials = pgTable(
  "assistant_trials",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    messagesGranted: integer("messages_granted").notNull(),
    messagesLeft: integer("messages_left").notNull(),
    startedAt: at("started_at").notNull(),
    expiresAt: at("expires_at"),
  },
  (t) => [
    check("assistant_trials_left_non_negative", sql`${t.messagesLeft} >= 0`),
    // Trials of a period with their users, read from the index alone (the dashboard's conversion).
    index("assistant_trials_started_idx").on(t.startedAt, t.userId),
  ],
);

/** The user's assistant preferences; conversationStartedAt moves on /new. */
export const assistantSettings = pgTable("assistant_settings", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  model: text("model"),
  style: text("style"),
  conversationStartedAt: at("conversation_started_at").notNull().defaultNow(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

export const messageStatuses = ["pending", "delivered", "failed"] as const;
export type MessageStatus = (typeof messageStatuses)[number];
export const chargeSources = ["plan", "trial", "credits"] as const;
export type ChargeSource = (typeof chargeSources)[number];

/**
 * Every question put to the AI. A pending row is also the reservation of what it costs:
 * delivered commits it, failed returns it, and a job returns the ones a crash left pending.
 */
export const messagesLog = pgTable(
  "messages_log",
  {
    id: idColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    botId: uuid("bot_id"),
    channel: text("channel", { enum: ["bot", "api", "app"] }).notNull(),
    question: text("question").notNull(),
    answer: text("answer"),
    model: text("model").notNull(),
    style: text("style"),
    promptTokens: integer("prompt_tokens"),
    completionTokens: integer("completion_tokens"),
    latencyMs: integer("latency_ms"),
    costCredits: integer("cost_credits").notNull().default(0),
    chargedFrom: text("charged_from", { enum: chargeSources }).notNull(),
    /** Subscription id and period for plan charges, to give back the right period's use. */
    chargeRef: text("charge_ref"),
    status: text("status", { enum: messageStatuses }).notNull(),
    error: text("error"),
    createdAt: at("created_at").notNull().defaultNow(),
    completedAt: at("completed_at"),
  },
  (t) => [
    // bot_id last: "did this user write to this bot" is answered from the index (dashboard, one bot).
    index("messages_log_user_idx").on(t.userId, t.createdAt, t.botId),
    index("messages_log_pending_idx").on(t.createdAt).where(sql`${t.status} = 'pending'`),
    // Every column the dashboard's period figures read, so a period is an index-only range scan.
    index("messages_log_created_idx").on(
      t.createdAt,
      t.userId,
      t.botId,
      t.status,
      t.costCredits,
      t.promptTokens,
      t.completionTokens,
    ),
  ],
);

export type MessageLogRow = typeof messagesLog.$inferSelect;
