import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, idColumn, timestamps } from "../_columns.ts";
import { currencies } from "../catalog/catalog.ts";
import { orders, paymentProviders } from "../orders/orders.ts";
import { payments } from "./payments.ts";

/**
 * requested: the intent is recorded, the provider has not confirmed; at_provider: the money is
 * back with the buyer, the reversal is not done yet; settled: the order is refunded and what it
 * gave taken back; failed: the provider refused for good (an operator refunds another way).
 */
export const refundStatuses = ["requested", "at_provider", "settled", "failed"] as const;
export type RefundStatus = (typeof refundStatuses)[number];

/**
 * A refund of one payment, recorded before the provider is asked: a retry, or the job that
 * resumes stuck refunds, finishes what a crash or an error left half done. One per payment.
 */
export const refunds = pgTable(
  "refunds",
  {
    id: idColumn(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    paymentId: uuid("payment_id")
      .notNull()
      .references(() => payments.id),
    provider: text("provider", { enum: paymentProviders }).notNull(),
    amount: integer("amount").notNull(),
    currency: text("currency", { enum: currencies }).notNull(),
    status: text("status", { enum: refundStatuses }).notNull().default("requested"),
    /** The operator accepted taking back fewer credits than were bought (some were spent). */
    force: boolean("force").notNull().default(false),
    /** Who asked for it, for the audit row written when it settles. */
    requestedBy: jsonb("requested_by").$type<{ type: string; id: string | null; role: string }>().notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    settledAt: at("settled_at"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("refunds_payment_idx").on(t.paymentId),
    index("refunds_order_idx").on(t.orderId),
    index("refunds_open_idx").on(t.status, t.updatedAt),
    check("refunds_amount_positive", sql`${t.amount} > 0`),
  ],
);

export type RefundRow = typeof refunds.$inferSelect;
