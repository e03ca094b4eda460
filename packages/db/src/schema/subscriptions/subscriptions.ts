import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, idColumn, timestamps } from "../_columns.ts";
import { users } from "../users/users.ts";

export const subscriptionStatuses = ["trial", "active", "past_due", "expired", "cancelled"] as const;
export type SubscriptionStatus = (typeof subscriptionStatuses)[number];

/**
 * A plan a user holds. Quota is per period counted from starts_at: messagesPerPeriod
 * messages, or, when null, unlimited up to fairUseCap. Usage is kept for the current period only.
 */
export const subscriptions = pgTable(
  "subscriptions",
  {
    id: idColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    planCode: text("plan_code").notNull(),
    title: text("title").notNull(),
    status: text("status", { enum: subscriptionStatuses }).notNull(),
    startsAt: at("starts_at").notNull(),
    endsAt: at("ends_at").notNull(),
    periodDays: integer("period_days").notNull(),
    messagesPerPeriod: integer("messages_per_period"),
    fairUseCap: integer("fair_use_cap").notNull(),
    usagePeriod: integer("usage_period").notNull().default(0),
    usageCount: integer("usage_count").notNull().default(0),
    ...timestamps,
  },
  (t) => [
    index("subscriptions_user_idx").on(t.userId, t.endsAt),
    check("subscriptions_usage_non_negative", sql`${t.usageCount} >= 0`),
    check("subscriptions_period_positive", sql`${t.periodDays} > 0`),
  ],
);

export type SubscriptionRow = typeof subscriptions.$inferSelect;
