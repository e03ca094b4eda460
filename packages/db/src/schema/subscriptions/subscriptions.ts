import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
    /** The bot that sells the plan and manages its chats; null for plans granted outside a bot. */
    botId: uuid("bot_id"),
    /** Telegram chats this plan gives access to (a bundle). */
    channelIds: jsonb("channel_ids").$type<number[]>().notNull().default([]),
    /** The Telegram Star subscription that renews this plan (its first charge id); null when it does not renew. */
    starChargeId: text("star_charge_id"),
    /** Set when the ended subscriber was removed from every chat: the removal is done. */
    accessRevokedAt: at("access_revoked_at"),
    /** A worker removing the subscriber holds this lease, so two workers never both do it. */
    accessLeaseUntil: at("access_lease_until"),
    ...timestamps,
  },
  (t) => [
    index("subscriptions_user_idx").on(t.userId, t.endsAt),
    index("subscriptions_ends_idx").on(t.endsAt),
    check("subscriptions_usage_non_negative", sql`${t.usageCount} >= 0`),
    check("subscriptions_period_positive", sql`${t.periodDays} > 0`),
  ],
);

export type SubscriptionRow = typeof subscriptions.$inferSelect;

/**
 * What was told to a subscriber about an end date: reminders before it and the notice of expiry.
 * Unique per subscription, kind, days and end date, so a message is never sent twice, and a
 * renewal (a new end date) starts afresh.
 */
export const subscriptionNotices = pgTable(
  "subscription_notices",
  {
    id: idColumn(),
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => subscriptions.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["reminder", "expired"] }).notNull(),
    daysBefore: integer("days_before").notNull().default(0),
    endsAt: at("ends_at").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("subscription_notices_once_idx").on(t.subscriptionId, t.kind, t.daysBefore, t.endsAt)],
);

/**
 * One stretch of plan time and what paid for it (an order's payment, a promo's free days, a
 * renewal). A subscription's end is the end of its last live period, kept in `subscriptions.ends_at`
 * in the same transaction; a refund revokes exactly its order's periods and later ones move back.
 */
export const subscriptionPeriods = pgTable(
  "subscription_periods",
  {
    id: idColumn(),
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => subscriptions.id, { onDelete: "cascade" }),
    /** What granted it, unique: `payment:<id>`, `promo:<payment id>`, `free-days:<redemption>`. */
    grantKey: text("grant_key").notNull(),
    /** The order that bought it; null for time not bought (free days from a promo code). */
    orderId: uuid("order_id"),
    startsAt: at("starts_at").notNull(),
    endsAt: at("ends_at").notNull(),
    revokedAt: at("revoked_at"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("subscription_periods_grant_key_idx").on(t.grantKey),
    index("subscription_periods_subscription_idx").on(t.subscriptionId, t.startsAt),
    index("subscription_periods_order_idx").on(t.orderId),
    check("subscription_periods_positive", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export type SubscriptionPeriodRow = typeof subscriptionPeriods.$inferSelect;
