import {
  type Currency,
  type Database,
  type OrderRow,
  orders,
  type PaymentProvider,
  type PaymentRow,
  paymentEvents,
  payments,
} from "@lumen/db";
import { eq } from "drizzle-orm";
import { queueJob } from "../jobs/outbox.ts";
import { flagOrder, markOrderPaid } from "../orders/change-order-status.ts";
import type { CoreContext } from "../shared/context.ts";
import { applyPromoAtPayment, type Grant, grantEntitlement } from "./entitlements.ts";

export type SettlePaymentInput = {
  provider: PaymentProvider;
  providerPaymentId: string;
  providerChargeId?: string | null;
  orderId: string;
  amount: number;
  currency: string;
  /** What the provider called the event (successful_payment, payment.succeeded, reconciliation). */
  eventType: string;
  raw: Record<string, unknown>;
};

export type Settlement =
  | { outcome: "settled"; order: OrderRow; payment: PaymentRow; grant: Grant }
  | { outcome: "already_settled"; order: OrderRow }
  | { outcome: "mismatch"; order: OrderRow; reason: string }
  | { outcome: "paid_twice"; order: OrderRow; payment: PaymentRow }
  | { outcome: "unknown_order" };

/**
 * The one way money becomes an entitlement, for every provider. In one transaction, with the
 * order row locked: the payment row (unique per provider payment id), the entitlement keyed
 * by that payment, the order marked paid, and the raw event. A repeat of the same payment,
 * concurrent or late, finds the payment row and changes nothing; a payment that does not match
 * the order is not settled and the order is flagged for an operator.
 */
export async function settlePayment(ctx: CoreContext, input: SettlePaymentInput): Promise<Settlement> {
  return ctx.db.transaction((tx) => settlePaymentIn(ctx, tx, input));
}

/** settlePayment on the caller's transaction (a Star subscription adds its own steps to it). */
export async function settlePaymentIn(
  ctx: CoreContext,
  tx: Database,
  input: SettlePaymentInput,
): Promise<Settlement> {
  const settlement = await settle(ctx, tx, input);
  await queueFollowUps(ctx, tx, settlement, input);
  return settlement;
}

/**
 * What follows a settlement is queued by the settlement's own transaction (an outbox): the
 * receipt, the operators' notice and the invite links exist if and only if it committed, and a
 * repeat of the payment, which settles nothing, queues nothing.
 */
async function queueFollowUps(
  ctx: CoreContext,
  tx: Database,
  settlement: Settlement,
  input: SettlePaymentInput,
) {
  if (settlement.outcome === "settled") {
    const { order, payment } = settlement;
    await queueJob(ctx, tx, "payments.send-notices", {
      orderId: order.id,
      outcome: "settled",
      ref: payment.id,
    });
    if (order.details.kind === "plan" && order.details.channelIds.length > 0)
      await queueJob(ctx, tx, "access.issue-chat-invites", { orderId: order.id });
    if (order.details.kind === "course")
      await queueJob(ctx, tx, "courses.send-onboarding", { orderId: order.id });
  }
  if (settlement.outcome === "paid_twice")
    await queueJob(ctx, tx, "payments.send-notices", {
      orderId: settlement.order.id,
      outcome: "paid_twice",
      ref: settlement.payment.id,
    });
  if (settlement.outcome === "mismatch")
    await queueJob(ctx, tx, "payments.send-notices", {
      orderId: settlement.order.id,
      outcome: "mismatch",
      ref: `${input.provider}:${input.providerPaymentId}`,
    });
}

async function settle(ctx: CoreContext, tx: Database, input: SettlePaymentInput): Promise<Settlement> {
  const now = ctx.clock.now();
  const record = (outcome: string, orderId: string | null) =>
    tx.insert(paymentEvents).values({
      provider: input.provider,
      eventType: input.eventType,
      providerPaymentId: input.providerPaymentId,
      orderId,
      outcome,
      payload: input.raw,
      receivedAt: now,
    });
  const validId = /^[0-9a-f-]{36}$/.test(input.orderId);
  const [order] = validId
    ? await tx.select().from(orders).where(eq(orders.id, input.orderId)).for("update")
    : [];
  if (!order) {
    await record("unknown_order", null);
    return { outcome: "unknown_order" };
  }
  if (order.amount !== input.amount || order.currency !== input.currency) {
    const reason = `paid ${input.amount} ${input.currency}, order is ${order.amount} ${order.currency}`;
    await flagOrder(tx, { orderId: order.id, reason, now });
    await record("mismatch", order.id);
    return { outcome: "mismatch", order: { ...order, flagged: true, flagReason: reason }, reason };
  }
  const [payment] = await tx
    .insert(payments)
    .values({
      orderId: order.id,
      provider: input.provider,
      providerPaymentId: input.providerPaymentId,
      providerChargeId: input.providerChargeId ?? null,
      amount: input.amount,
      currency: input.currency as Currency,
      status: order.status === "paid" || order.status === "refunded" ? "duplicate" : "succeeded",
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (!payment) {
    await record("duplicate", order.id);
    return { outcome: "already_settled", order };
  }
  if (order.status === "paid" || order.status === "refunded") {
    // A second, different payment for an order already paid: keep the money on record, do not grant twice.
    const reason = `paid twice: ${input.provider} ${input.providerPaymentId}`;
    await flagOrder(tx, { orderId: order.id, reason, now });
    await record("paid_twice", order.id);
    return { outcome: "paid_twice", order, payment };
  }
  const grant = await grantEntitlement(tx, order, payment.id, now);
  if (order.promoId && !(await applyPromoAtPayment(tx, order, payment.id, now))) {
    // The use could not be counted (another payment took the last use, or this buyer's
    // other order used the code first). This buyer paid the discounted price the order
    // asked for, so it is settled, but operators are told.
    await flagOrder(tx, {
      orderId: order.id,
      reason: `promo ${order.promoCode} could not be counted when paid (used up, or already used by this buyer)`,
      now,
    });
  }
  const paid = await markOrderPaid(tx, { orderId: order.id, now, entitlementRef: grant.ref });
  await record("settled", order.id);
  return { outcome: "settled", order: paid ?? order, payment, grant };
}
