import { bigserial, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, idColumn, timestamps } from "../_columns.ts";
import { currencies } from "../catalog/catalog.ts";
import { orders, paymentProviders } from "../orders/orders.ts";

/**
 * succeeded: the payment that settled its order; refunded: that payment, given back;
 * duplicate: a second, different payment for an order already paid, kept on record, granting nothing.
 */
export const paymentStatuses = ["succeeded", "refunded", "duplicate"] as const;

/**
 * Money that arrived. Unique per provider and provider payment id: whatever delivers the
 * same payment again (webhook retries, duplicate updates, reconciliation) finds it settled.
 */
export const payments = pgTable(
  "payments",
  {
    id: idColumn(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    provider: text("provider", { enum: paymentProviders }).notNull(),
    providerPaymentId: text("provider_payment_id").notNull(),
    /** Telegram's second id for provider payments (provider_payment_charge_id). */
    providerChargeId: text("provider_charge_id"),
    amount: integer("amount").notNull(),
    currency: text("currency", { enum: currencies }).notNull(),
    status: text("status", { enum: paymentStatuses }).notNull(),
    refundedAt: at("refunded_at"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("payments_provider_id_idx").on(t.provider, t.providerPaymentId),
    index("payments_order_idx").on(t.orderId),
    index("payments_created_idx").on(t.createdAt, t.id),
  ],
);

/** Every event a provider sent us, raw, for audit: kept whether or not it changed anything. */
export const paymentEvents = pgTable(
  "payment_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    provider: text("provider", { enum: paymentProviders }).notNull(),
    eventType: text("event_type").notNull(),
    providerPaymentId: text("provider_payment_id"),
    orderId: uuid("order_id"),
    outcome: text("outcome").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    receivedAt: at("received_at").notNull().defaultNow(),
  },
  (t) => [index("payment_events_payment_idx").on(t.provider, t.providerPaymentId)],
);

/**
 * A payment started at a provider that redirects the buyer (YooKassa): what to ask the provider
 * about until it is settled or cancelled, so a lost webhook is found by reconciliation.
 */
export const paymentCheckouts = pgTable(
  "payment_checkouts",
  {
    id: idColumn(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    provider: text("provider", { enum: paymentProviders }).notNull(),
    providerPaymentId: text("provider_payment_id").notNull(),
    confirmationUrl: text("confirmation_url"),
    status: text("status", { enum: ["pending", "succeeded", "canceled"] })
      .notNull()
      .default("pending"),
    checkedAt: at("checked_at"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("payment_checkouts_provider_id_idx").on(t.provider, t.providerPaymentId),
    index("payment_checkouts_order_idx").on(t.orderId),
  ],
);

export type PaymentRow = typeof payments.$inferSelect;
export type PaymentCheckoutRow = typeof paymentCheckouts.$inferSelect;
