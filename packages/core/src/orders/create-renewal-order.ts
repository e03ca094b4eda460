import { type OrderRow, orders } from "@lumen/db";
import type { CoreContext } from "../shared/context.ts";
import { LumenError } from "../shared/errors.ts";
import { ORDER_TTL_MS } from "./create-order.ts";
import { getOrder } from "./read-orders.ts";

/**
 * A Star subscription charged its next period: the renewal is a new order with the original's
 * product, price and what it grants, so it settles like any purchase (and extends the plan).
 */
export async function createRenewalOrder(ctx: CoreContext, originalOrderId: string): Promise<OrderRow> {
  const original = await getOrder(ctx.db, originalOrderId);
  const now = ctx.clock.now();
  const {
    id: _id,
    status: _s,
    paidAt: _p,
    refundedAt: _r,
    entitlementRef: _e,
    flagged: _f,
    flagReason: _fr,
    createdAt: _c,
    updatedAt: _u,
    expiresAt: _x,
    ...copy
  } = original;
  const [order] = await ctx.db
    .insert(orders)
    .values({
      ...copy,
      status: "pending",
      expiresAt: new Date(now.getTime() + ORDER_TTL_MS),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!order) throw new LumenError("INTERNAL", "The renewal order was not saved");
  return order;
}
