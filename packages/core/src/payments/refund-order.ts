import { type OrderRow, type PaymentRow, payments } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import { queueJob } from "../jobs/outbox.ts";
import { markOrderRefunded } from "../orders/change-order-status.ts";
import { getOrder } from "../orders/read-orders.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError } from "../shared/errors.ts";
import { assertReversible, type Reversal, reverseEntitlement } from "./entitlements.ts";

/** Sends the money back at the provider; throws if the provider refuses. */
export type ProviderRefund = (order: OrderRow, payment: PaymentRow) => Promise<void>;

/**
 * An operator refunds a paid order: first at the provider (money is the part that can fail),
 * then, in one transaction, the order becomes refunded, the entitlement is taken back and the
 * audit row written. A second refund of the same order is refused before the provider is asked.
 */
export async function refundOrder(
  ctx: CoreContext,
  actor: Actor,
  input: { orderId: string; force?: boolean },
  refundAtProvider: ProviderRefund,
): Promise<{ order: OrderRow; reversal: Reversal }> {
  requireRole(actor, "admin");
  const order = await getOrder(ctx.db, input.orderId);
  if (order.status !== "paid")
    throw new LumenError("CONFLICT", `Only a paid order can be refunded; this one is ${order.status}`);
  const [payment] = await ctx.db
    .select()
    .from(payments)
    .where(and(eq(payments.orderId, order.id), eq(payments.status, "succeeded")));
  if (!payment) throw new LumenError("CONFLICT", "This order has no settled payment to refund");
  const now = ctx.clock.now();
  await assertReversible(ctx.db, order, input.force ?? false);
  await refundAtProvider(order, payment);
  return ctx.db.transaction(async (tx) => {
    const refunded = await markOrderRefunded(tx, { orderId: order.id, now });
    if (!refunded) throw new LumenError("CONFLICT", "The order was refunded meanwhile");
    await tx
      .update(payments)
      .set({ status: "refunded", refundedAt: now, updatedAt: now })
      .where(eq(payments.id, payment.id));
    const reversal = await reverseEntitlement(tx, order, payment.id, now);
    await recordAudit(tx, actor, {
      action: "order.refund",
      entityType: "order",
      entityId: order.id,
      data: { amount: order.amount, currency: order.currency, provider: order.provider, ...reversal },
    });
    await queueJob(ctx, tx, "payments.send-notices", {
      orderId: order.id,
      outcome: "refunded",
      ref: payment.id,
    });
    return { order: refunded, reversal };
  });
}
