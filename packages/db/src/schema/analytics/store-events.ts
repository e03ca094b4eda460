import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, idColumn } from "../_columns.ts";
import { users } from "../users/users.ts";

/**
 * What buyers did in the store before paying (seed 001's `Click`): the app opened, a product
 * looked at, a checkout begun. Payments are not recorded here: the funnel reads them from paid
 * orders, the only figure money may be trusted to.
 */
export const storeEventTypes = ["app_opened", "product_viewed", "checkout_started"] as const;
export type StoreEventType = (typeof storeEventTypes)[number];

export const storeEvents = pgTable(
  "store_events",
  {
    id: idColumn(),
    type: text("type", { enum: storeEventTypes }).notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    botId: uuid("bot_id").notNull(),
    productId: uuid("product_id"),
    /** Where the buyer came from: a deep link's start parameter, the menu button, a broadcast id. */
    source: text("source"),
    occurredAt: at("occurred_at").notNull(),
  },
  (t) => [
    index("store_events_product_idx").on(t.productId, t.type, t.occurredAt),
    index("store_events_occurred_idx").on(t.occurredAt),
  ],
);

export type StoreEventRow = typeof storeEvents.$inferSelect;
