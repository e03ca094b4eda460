import { bigint, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, idColumn } from "../_columns.ts";
import { users } from "../users/users.ts";
import { broadcasts } from "./broadcasts.ts";
import { type DeliveryStatus, deliveryStatuses } from "./constants.ts";

/**
 * One recipient of a broadcast, unique per (broadcast, user): written when sending starts, then
 * claimed (pending -> sending) before the message goes out, so no worker sends it twice.
 */
export const broadcastDeliveries = pgTable(
  "broadcast_deliveries",
  {
    id: idColumn(),
    broadcastId: uuid("broadcast_id")
      .notNull()
      .references(() => broadcasts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: deliveryStatuses }).$type<DeliveryStatus>().notNull().default("pending"),
    /** Why it failed (Telegram's description), for the report's "failed by reason". */
    error: text("error"),
    language: text("language"),
    telegramMessageId: bigint("telegram_message_id", { mode: "number" }),
    claimedAt: at("claimed_at"),
    sentAt: at("sent_at"),
  },
  (t) => [
    uniqueIndex("broadcast_deliveries_once_idx").on(t.broadcastId, t.userId),
    index("broadcast_deliveries_status_idx").on(t.broadcastId, t.status),
    index("broadcast_deliveries_user_idx").on(t.userId, t.sentAt),
  ],
);

/** A press of a broadcast's button, once per recipient and button. */
export const broadcastClicks = pgTable(
  "broadcast_clicks",
  {
    broadcastId: uuid("broadcast_id")
      .notNull()
      .references(() => broadcasts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    button: integer("button").notNull(),
    clickedAt: at("clicked_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.broadcastId, t.userId, t.button] })],
);

/**
 * Users who blocked a bot (Telegram answered 403), so later sends skip them. A user who writes to
 * any bot after blocked_at has pressed "Restart" and counts as reachable again.
 */
export const botBlocks = pgTable(
  "broadcast_bot_blocks",
  {
    botId: uuid("bot_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    blockedAt: at("blocked_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.botId, t.userId] })],
);
