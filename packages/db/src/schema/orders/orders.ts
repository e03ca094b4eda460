import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, idColumn, timestamps } from "../_columns.ts";
import { currencies, type ProductDetails, productKinds, products } from "../catalog/catalog.ts";
import { courseTariffs } from "../courses/tariffs.ts";
import { users } from "../users/users.ts";

export const orderStatuses = ["pending", "paid", "cancelled", "expired", "refunded"] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const paymentProviders = ["stars", "telegram", "yookassa", "mock"] as const;
export type PaymentProvider = (typeof paymentProviders)[number];

/**
 * A purchase attempt. Title, kind, price and currency are copied from the catalog when the
 * order is made: the client never names an amount, and later catalog edits change no order.
 */
export const orders = pgTable(
  "orders",
  {
    id: idColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    botId: uuid("bot_id"),
    kind: text("kind", { enum: productKinds }).notNull(),
    title: text("title").notNull(),
    /** What the product granted when the order was made: a later catalog edit does not change it. */
    details: jsonb("details").$type<ProductDetails>().notNull(),
    /**
     * The plan a plan order is for, kept by PostgreSQL from details (null for other kinds): a
     * plain column can sit in an index and be read from it, an expression over details cannot.
     */
    planCode: text("plan_code").generatedAlwaysAs(sql`details->>'planCode'`),
    currency: text("currency", { enum: currencies }).notNull(),
    amount: integer("amount").notNull(),
    provider: text("provider", { enum: paymentProviders }).notNull(),
    status: text("status", { enum: orderStatuses }).notNull().default("pending"),
    /** Set when a payment did not match the order (amount, currency): kept for an operator to look at. */
    flagged: boolean("flagged").notNull().default(false),
    flagReason: text("flag_reason"),
    /** What the payment granted (ledger entry, subscription, enrollment id): what a refund takes back. */
    entitlementRef: text("entitlement_ref"),
    promoCode: text("promo_code"),
    promoId: uuid("promo_id"),
    /** The catalog price before the promo; amount is what the buyer pays. */
    listAmount: integer("list_amount"),
    /**
     * A course upgrade: the tariff the buyer's place had when the difference was priced (null for
     * any other order). Payment is refused once the place is no longer at it.
     */
    upgradeFrom: text("upgrade_from", { enum: courseTariffs }),
    referralPartnerId: uuid("referral_partner_id"),
    expiresAt: at("expires_at").notNull(),
    paidAt: at("paid_at"),
    refundedAt: at("refunded_at"),
    ...timestamps,
  },
  (t) => [
    // bot_id last: "did this user order through this bot" is answered from the index.
    index("orders_user_idx").on(t.userId, t.createdAt, t.botId),
    // The list's keyset order (created_at, id); user and bot after it for the dashboard's audience.
    index("orders_created_idx").on(t.createdAt, t.id, t.userId, t.botId),
    index("orders_flagged_idx").on(t.createdAt, t.id).where(sql`${t.flagged}`),
    index("orders_product_idx").on(t.productId, t.createdAt),
    // One product's orders by amount: the list reads them in this index's order and stops at a page.
    index("orders_product_amount_idx").on(t.productId, t.amount, t.id),
    // "Pays" (users list) and "paid after the trial started" (dashboard) from the index alone.
    index("orders_paid_user_idx").on(t.userId, t.paidAt, t.botId).where(sql`${t.status} = 'paid'`),
    index("orders_pending_idx").on(t.expiresAt).where(sql`${t.status} = 'pending'`),
    // The dashboard and promo reports read paid orders by payment time, refunds by refund time;
    // the other columns are what those reports sum and group by, so a period is an index-only scan.
    index("orders_paid_at_idx")
      .on(t.paidAt, t.currency, t.amount, t.userId, t.productId, t.botId, t.kind, t.planCode)
      .where(sql`${t.status} = 'paid'`),
    index("orders_refunded_at_idx")
      .on(t.refundedAt, t.currency, t.amount, t.botId)
      .where(sql`${t.status} = 'refunded'`),
    // Renewals: an earlier paid plan order of the same user and plan, found by one index probe.
    index("orders_plan_user_idx")
      .on(t.userId, t.planCode, t.paidAt)
      .where(sql`${t.kind} = 'plan' and ${t.status} in ('paid', 'refunded')`),
    index("orders_promo_idx").on(t.promoId).where(sql`${t.promoId} is not null`),
    check("orders_amount_positive", sql`${t.amount} > 0`),
  ],
);

export type OrderRow = typeof orders.$inferSelect;
