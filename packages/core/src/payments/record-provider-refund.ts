import { type PaymentProvider, payments, refunds } from "@lumen/db";
import { and, eq, ne } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.ts";
import { queueJob } from "../jobs/outbox.ts";
import { flagOrder, markOrderRefunded } from "../orders/change-order-status.ts";
import { getOrder } from "../orders/read-orders.ts";
import { type CoreContext, systemActor } from "../shared/context.ts";
import { reverseEntitlement } from "./entitlements.ts";

export type ProviderRefundOutcome = "refunded" | "already_refunded" | "partial_flagged" | "unknown_payment";

/**
 * A refund made at the provider itself (an operator in YooKassa's dashboard): the money is back
 * with the buyer, so the order becomes refunded and its entitlement is taken back, as if refunded
 * here. A partial refund is only flagged: what to take back is an operator's call.
 */
export async function recordProviderRefund(
  ctx: CoreContext,
  input: { provider: PaymentProvider; providerPaymentId: string; refundedAmount: number },
): Promise<ProviderRefundOutcome> {
  const now = ctx.clock.now();
  const [payment] = await ctx.db
    .select()
    .from(payments)
    .where(
      and(eq(payments.provider, input.provider), eq(payments.providerPaymentId, input.providerPaymentId)),
    );
  if (!payment) return "unknown_payment";
  if (payment.status === "refunded") return "already_refunded";
  if (payment.status === "duplicate") {
    // A second payment that granted nothing: giving it back leaves the order and its access alone.
    if (payment.refundedAt) return "already_refunded";
    await ctx.db.update(payments).set({ refundedAt: now, updatedAt: now }).where(eq(payments.id, payment.id));
    return "refunded";
  }
  const order = await getOrder(ctx.db, payment.orderId);
  return ctx.db.transaction(async (tx) => {
    if (input.refundedAmount < payment.amount) {
      await flagOrder(tx, {
        orderId: order.id,
        reason: `partly refunded at ${input.provider}: ${input.refundedAmount} of ${payment.amount}`,
        now,
      });
      return "partial_flagged";
    }
    const refunded = await markOrderRefunded(tx, { orderId: order.id, now });
    if (!refunded) return "already_refunded";
    await tx
      .update(payments)
      .set({ status: "refunded", refundedAt: now, updatedAt: now })
      .where(eq(payments.id, payment.id));
    const reversal = await reverseEntitlement(ctx, tx, order, payment.id, now);
    // A refund asked for here that the provider's notice overtook is done as well.
    await tx
      .update(refunds)
      .set({ status: "settled", settledAt: now, updatedAt: now })
      .where(and(eq(refunds.paymentId, payment.id), ne(refunds.status, "settled")));
    await recordAudit(tx, systemActor, {
      action: "order.refund.provider",
      entityType: "order",
      entityId: order.id,
      data: { provider: input.provider, amount: input.refundedAmount, ...reversal },
    });
    await queueJob(ctx, tx, "payments.send-notices", {
      orderId: order.id,
      outcome: "refunded",
      ref: payment.id,
    });
    return "refunded";
  });
}
