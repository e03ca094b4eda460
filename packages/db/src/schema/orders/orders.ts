import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, idColumn, timestamps } from "../_columns.ts";
import { currencies, type ProductDetails, productKinds, products } from "../catalog/catalog.ts";
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
    referralPartnerId: uuid("referral_partner_id"),
    expiresAt: at("expires_at").notNull(),
    paidAt: at("paid_at"),
    refundedAt: at("refunded_at"),
    ...timestamps,
  },
  (t) => [
    index("orders_user_idx").on(t.userId, t.createdAt),
    index("orders_created_idx").on(t.createdAt, t.id),
    index("orders_flagged_idx").on(t.createdAt, t.id).where(sql`${t.flagged}`),
    index("orders_product_idx").on(t.productId, t.createdAt),
    index("orders_paid_user_idx").on(t.userId).where(sql`${t.status} = 'paid'`),
    index("orders_pending_idx").on(t.expiresAt).where(sql`${t.status} = 'pending'`),
    // The dashboard and promo reports read paid orders by payment time, refunds by refund time.
    index("orders_paid_at_idx").on(t.paidAt).where(sql`${t.status} = 'paid'`),
    index("orders_refunded_at_idx").on(t.refundedAt).where(sql`${t.status} = 'refunded'`),
    index("orders_promo_idx").on(t.promoId).where(sql`${t.promoId} is not null`),
    check("orders_amount_positive", sql`${t.amount} > 0`),
  ],
);

export type OrderRow = typeof orders.$inferSelect;
