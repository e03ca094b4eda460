import { paymentCheckouts, paymentEvents } from "@lumen/db";
import { and, eq, lt } from "drizzle-orm";
import { cancelOrder } from "../../orders/change-order-status.ts";
import type { CoreContext } from "../../shared/context.ts";
import { recordProviderRefund } from "../record-provider-refund.ts";
import { type Settlement, settlePayment } from "../settle-payment.ts";
import { fromYooKassaAmount, type YooKassaClient } from "./yookassa-client.ts";

export type SyncOutcome = Settlement["outcome"] | "canceled" | "still_pending" | "unknown_payment";

/**
 * YooKassa signs nothing, so a notification is only a hint: the payment is fetched from the API
 * and only what the API says counts, with the order id from our own checkout record. Succeeded
 * settles (once, however often this runs); canceled cancels an unpaid order; a cancellation
 * after success changes nothing.
 */
export async function syncYooKassaPayment(
  ctx: CoreContext,
  client: YooKassaClient,
  input: { providerPaymentId: string; eventType: string; raw: Record<string, unknown> },
): Promise<{ outcome: SyncOutcome; orderId?: string }> {
  const now = ctx.clock.now();
  const [checkout] = await ctx.db
    .select()
    .from(paymentCheckouts)
    .where(
      and(
        eq(paymentCheckouts.provider, "yookassa"),
        eq(paymentCheckouts.providerPaymentId, input.providerPaymentId),
      ),
    );
  const record = (outcome: string) =>
    ctx.db.insert(paymentEvents).values({
      provider: "yookassa",
      eventType: input.eventType,
      providerPaymentId: input.providerPaymentId,
      orderId: checkout?.orderId ?? null,
      outcome,
      payload: input.raw,
      receivedAt: now,
    });
  if (!checkout) {
    await record("unknown_payment");
    return { outcome: "unknown_payment" };
  }
  const payment = await client.getPayment(input.providerPaymentId);
  if (payment.status === "succeeded") {
    const settlement = await settlePayment(ctx, {
      provider: "yookassa",
      providerPaymentId: payment.id,
      orderId: checkout.orderId,
      amount: fromYooKassaAmount(payment.amount),
      currency: payment.amount.currency,
      eventType: input.eventType,
      raw: { notification: input.raw, api: payment },
    });
    if (settlement.outcome !== "mismatch") {
      await ctx.db
        .update(paymentCheckouts)
        .set({ status: "succeeded", checkedAt: now, updatedAt: now })
        .where(eq(paymentCheckouts.id, checkout.id));
    }
    return { outcome: settlement.outcome, orderId: checkout.orderId };
  }
  if (payment.status === "canceled") {
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(paymentCheckouts)
        .set({ status: "canceled", checkedAt: now, updatedAt: now })
        .where(and(eq(paymentCheckouts.id, checkout.id), eq(paymentCheckouts.status, "pending")));
      await cancelOrder(tx, { orderId: checkout.orderId, now });
    });
    await record("canceled");
    return { outcome: "canceled", orderId: checkout.orderId };
  }
  await ctx.db.update(paymentCheckouts).set({ checkedAt: now }).where(eq(paymentCheckouts.id, checkout.id));
  await record("still_pending");
  return { outcome: "still_pending", orderId: checkout.orderId };
}

/** For the job: checkouts still pending after a while are asked about, so a lost webhook never loses a payment. */
export async function reconcileYooKassaPayments(
  ctx: CoreContext,
  client: YooKassaClient,
  olderThanMs: number,
): Promise<{ checked: number; settled: string[] }> {
  const cutoff = new Date(ctx.clock.now().getTime() - olderThanMs);
  const pending = await ctx.db
    .select({ providerPaymentId: paymentCheckouts.providerPaymentId })
    .from(paymentCheckouts)
    .where(
      and(
        eq(paymentCheckouts.provider, "yookassa"),
        eq(paymentCheckouts.status, "pending"),
        lt(paymentCheckouts.createdAt, cutoff),
      ),
    )
    .limit(200);
  const settled: string[] = [];
  for (const { providerPaymentId } of pending) {
    const result = await syncYooKassaPayment(ctx, client, {
      providerPaymentId,
      eventType: "reconciliation",
      raw: { reconciliation: true },
    });
    if (result.outcome === "settled" && result.orderId) settled.push(result.orderId);
  }
  return { checked: pending.length, settled };
}

/**
 * refund.succeeded: re-read the refund and its payment from the API, then mirror a refund made
 * in YooKassa's dashboard. Refunds made through Lumen are already recorded and change nothing.
 */
export async function syncYooKassaRefund(ctx: CoreContext, client: YooKassaClient, refundId: string) {
  const refund = await client.getRefund(refundId);
  if (refund.status !== "succeeded") return { outcome: "refund_pending" as const };
  const payment = await client.getPayment(refund.payment_id);
  const refundedAmount = payment.refunded_amount
    ? fromYooKassaAmount(payment.refunded_amount)
    : fromYooKassaAmount(refund.amount);
  const outcome = await recordProviderRefund(ctx, {
    provider: "yookassa",
    providerPaymentId: refund.payment_id,
    refundedAmount,
  });
  return { outcome };
}
