import { type Database, type OrderRow, orders } from "@lumen/db";
import { and, eq, inArray, lt } from "drizzle-orm";

/**
 * Money arrived for the order. Accepted from pending, and also from expired or cancelled:
 * the buyer paid, so they get what they paid for. Returns null if it was already paid.
 */
export async function markOrderPaid(
  db: Database,
  input: { orderId: string; now: Date; entitlementRef: string | null },
): Promise<OrderRow | null> {
  const [row] = await db
    .update(orders)
    .set({ status: "paid", paidAt: input.now, entitlementRef: input.entitlementRef, updatedAt: input.now })
    .where(and(eq(orders.id, input.orderId), inArray(orders.status, ["pending", "expired", "cancelled"])))
    .returning();
  return row ?? null;
}

export async function flagOrder(
  db: Database,
  input: { orderId: string; reason: string; now: Date },
): Promise<void> {
  await db
    .update(orders)
    .set({ flagged: true, flagReason: input.reason, updatedAt: input.now })
    .where(eq(orders.id, input.orderId));
}

export async function markOrderRefunded(
  db: Database,
  input: { orderId: string; now: Date },
): Promise<OrderRow | null> {
  const [row] = await db
    .update(orders)
    .set({ status: "refunded", refundedAt: input.now, updatedAt: input.now })
    .where(and(eq(orders.id, input.orderId), eq(orders.status, "paid")))
    .returning();
  return row ?? null;
}

/** Unpaid orders past their time: they can no longer pass a pre-checkout. */
export async function expireOrders(db: Database, now: Date): Promise<{ expired: number }> {
  const rows = await db
    .update(orders)
    .set({ status: "expired", updatedAt: now })
    .where(and(eq(orders.status, "pending"), lt(orders.expiresAt, now)))
    .returning({ id: orders.id });
  return { expired: rows.length };
}

/** The provider says the payment will not happen; an order already paid stays paid. */
export async function cancelOrder(
  db: Database,
  input: { orderId: string; now: Date },
): Promise<OrderRow | null> {
  const [row] = await db
    .update(orders)
    .set({ status: "cancelled", updatedAt: input.now })
    .where(and(eq(orders.id, input.orderId), inArray(orders.status, ["pending", "expired"])))
    .returning();
  return row ?? null;
}
