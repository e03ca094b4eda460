import { type Database, type OrderRow, orders } from "@lumen/db";
import { and, eq, inArray, lt } from "drizzle-orm";
import { releasePromoReservations } from "../promos/reserve-promo.ts";

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

/**
 * Unpaid orders past their time: they can no longer pass a pre-checkout, and the promo uses
 * they reserved are given back in the same transaction.
 */
export async function expireOrders(db: Database, now: Date): Promise<{ expired: number }> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(orders)
      .set({ status: "expired", updatedAt: now })
      .where(and(eq(orders.status, "pending"), lt(orders.expiresAt, now)))
      .returning({ id: orders.id, promoId: orders.promoId });
    const withPromo = rows.filter((r) => r.promoId).map((r) => r.id);
    await releasePromoReservations(tx, { orderIds: withPromo, now });
    return { expired: rows.length };
  });
}

/**
 * The provider says the payment will not happen; an order already paid stays paid. Its promo
 * use, if still reserved, is given back (call it inside a transaction).
 */
export async function cancelOrder(
  db: Database,
  input: { orderId: string; now: Date },
): Promise<OrderRow | null> {
  const [row] = await db
    .update(orders)
    .set({ status: "cancelled", updatedAt: input.now })
    .where(and(eq(orders.id, input.orderId), inArray(orders.status, ["pending", "expired"])))
    .returning();
  if (row?.promoId) await releasePromoReservations(db, { orderIds: [row.id], now: input.now });
  return row ?? null;
}
