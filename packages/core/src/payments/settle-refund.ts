import { type OrderRow, orders, payments, refunds } from "@lumen/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.ts";
import { lockCreditBalance } from "../credits/read-credits.ts";
import { queueJob } from "../jobs/outbox.ts";
import { markOrderRefunded } from "../orders/change-order-status.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError } from "../shared/errors.ts";
import { type Reversal, reverseEntitlement } from "./entitlements.ts";

/**
 * The money is back with the buyer: in one transaction, with the refund, the order and the
 * buyer's credit balance locked, the order becomes refunded, what it gave is taken back, the
 * audit row and the buyer's notice are written, and the refund is settled. A spend racing it
 * waits for it (or it for the spend), so what it takes is what is really there. Settles once:
 * a second call finds the refund settled and changes nothing.
 */
export async function settleRefund(
  ctx: CoreContext,
  refundId: string,
): Promise<{ order: OrderRow; reversal: Reversal; settledNow: boolean }> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [refund] = await tx.select().from(refunds).where(eq(refunds.id, refundId)).for("update");
    if (!refund) throw new LumenError("NOT_FOUND", "No such refund");
    const [order] = await tx.select().from(orders).where(eq(orders.id, refund.orderId)).for("update");
    if (!order) throw new LumenError("INTERNAL", "The refunded order is gone");
    if (refund.status === "settled") return { order, reversal: {}, settledNow: false };
    if (refund.status !== "at_provider")
      throw new LumenError("CONFLICT", `This refund is ${refund.status}; the provider has not refunded it`);
    let reversal: Reversal = {};
    let result = order;
    // An order already refunded here was mirrored from the provider's own notice meanwhile.
    if (order.status === "paid") {
      if (order.details.kind === "credits") await lockCreditBalance(tx, order.userId);
      const refunded = await markOrderRefunded(tx, { orderId: order.id, now });
      if (!refunded) throw new LumenError("CONFLICT", "The order was refunded meanwhile");
      result = refunded;
      await tx
        .update(payments)
        .set({ status: "refunded", refundedAt: now, updatedAt: now })
        .where(eq(payments.id, refund.paymentId));
      reversal = await reverseEntitlement(ctx, tx, order, refund.paymentId, now);
      const actor = refund.requestedBy as Actor;
      await recordAudit(tx, actor, {
        action: "order.refund",
        entityType: "order",
        entityId: order.id,
        data: {
          amount: order.amount,
          currency: order.currency,
          provider: order.provider,
          refundId,
          ...reversal,
        },
      });
      await queueJob(ctx, tx, "payments.send-notices", {
        orderId: order.id,
        outcome: "refunded",
        ref: refund.paymentId,
      });
    }
    await tx
      .update(refunds)
      .set({ status: "settled", settledAt: now, updatedAt: now })
      .where(eq(refunds.id, refund.id));
    return { order: result, reversal, settledNow: true };
  });
}
