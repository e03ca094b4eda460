import { sql } from "drizzle-orm";
import { bigint, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at } from "../_columns.ts";
import { users } from "../users/users.ts";

/**
 * What people did, for the funnel, cohorts and sources (seed 001's `Click`): in the bot, in the
 * Mini App, and payments as settlement reported them. Append-only; rows older than the retention
 * are deleted by a job. `product_id` is a column, not a property, because the funnel groups by it.
 */
export const eventTypes = [
  "bot_started",
  "menu_pressed",
  "app_opened",
  "product_viewed",
  "checkout_started",
  "payment_succeeded",
  "trial_started",
  "ai_question_asked",
  /** A broadcast reached the user (source: the broadcast id). */
  "broadcast_received",
  /** The user pressed a broadcast's button (source: the broadcast id). */
  "broadcast_clicked",
] as const;
export type EventType = (typeof eventTypes)[number];

export const eventSources = ["bot", "app", "server"] as const;

export const events = pgTable(
  "events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    type: text("type", { enum: eventTypes }).notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    botId: uuid("bot_id"),
    productId: uuid("product_id"),
    properties: jsonb("properties").$type<Record<string, unknown>>().notNull().default({}),
    /** Where the person came from: a deep link's payload, the menu button, a broadcast id. */
    source: text("source"),
    /** Which client reported it. */
    origin: text("origin", { enum: eventSources }).notNull(),
    /** For events a retried job may report twice (payment_succeeded: the payment id): kept once. */
    dedupeKey: text("dedupe_key"),
    occurredAt: at("occurred_at").notNull(),
  },
  (t) => [
    index("events_bot_type_time_idx").on(t.botId, t.type, t.occurredAt),
    index("events_product_idx").on(t.productId, t.type, t.occurredAt),
    index("events_user_time_idx").on(t.userId, t.occurredAt),
    index("events_occurred_idx").on(t.occurredAt),
    uniqueIndex("events_dedupe_idx").on(t.type, t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
  ],
);

export type EventRow = typeof events.$inferSelect;
export type NewEvent = typeof events.$inferInsert;
