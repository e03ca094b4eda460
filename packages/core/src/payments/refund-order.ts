import { type OrderRow, orders, type PaymentRow, payments, type RefundRow, refunds } from "@lumen/db";
import { and, asc, eq } from "drizzle-orm";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError, notFound } from "../shared/errors.ts";
import { assertReversible, type Reversal } from "./entitlements.ts";
import { settleRefund } from "./settle-refund.ts";

/**
 * Sends the money back at the provider; throws if the provider refuses or cannot be reached.
 * Must be idempotent for the same refund: the key is the same on every retry, and a provider
 * saying "already refunded" is a success.
 */
export type ProviderRefund = (
  order: OrderRow,
  payment: PaymentRow,
  refund: { id: string; idempotencyKey: string },
) => Promise<void>;

/** After this many failed tries a refund is marked failed and left to an operator. */
const MAX_PROVIDER_ATTEMPTS = 5;

/**
 * An operator refunds a paid order, in three steps that a retry (or the resume job) can pick up
 * after any of them: the intent is recorded (one refund row per payment, checked under the
 * order's lock), the provider refunds (idempotently), then the reversal settles in one
 * transaction with the order and balance locked. A second refund of a refunded order is refused.
 */
export async function refundOrder(
  ctx: CoreContext,
  actor: Actor,
  input: { orderId: string; force?: boolean },
  refundAtProvider: ProviderRefund,
): Promise<{ order: OrderRow; reversal: Reversal }> {
  requireRole(actor, "admin");
  const refund = await requestRefund(ctx, actor, input);
  const { order, reversal } = await finishRefund(ctx, refund, refundAtProvider);
  return { order, reversal };
}

async function requestRefund(
  ctx: CoreContext,
  actor: Actor,
  input: { orderId: string; force?: boolean },
): Promise<RefundRow> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, input.orderId)).for("update");
    if (!order) throw notFound("Order", input.orderId);
    if (order.status !== "paid")
      throw new LumenError("CONFLICT", `Only a paid order can be refunded; this one is ${order.status}`);
    const [payment] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.orderId, order.id), eq(payments.status, "succeeded")))
      .orderBy(asc(payments.createdAt))
      .limit(1);
    if (!payment) throw new LumenError("CONFLICT", "This order has no settled payment to refund");
    const [open] = await tx.select().from(refunds).where(eq(refunds.paymentId, payment.id));
    if (open && open.status !== "failed") return open;
    await assertReversible(tx, order, input.force ?? false);
    const values = {
      orderId: order.id,
      paymentId: payment.id,
      provider: payment.provider,
      amount: payment.amount,
      currency: payment.currency,
      status: "requested" as const,
      force: input.force ?? false,
      requestedBy: { type: actor.type, id: actor.id, role: actor.role },
      attempts: 0,
      lastError: null,
      updatedAt: now,
    };
    const [row] = open
      ? await tx.update(refunds).set(values).where(eq(refunds.id, open.id)).returning()
      : await tx
          .insert(refunds)
          .values({ ...values, createdAt: now })
          .returning();
    if (!row) throw new LumenError("INTERNAL", "The refund was not recorded");
    return row;
  });
}

/**
 * Takes a recorded refund as far as it goes: the provider (unless it already confirmed), then
 * the reversal. A provider error is recorded and rethrown; the refund stays to be retried.
 */
export async function finishRefund(
  ctx: CoreContext,
  refund: RefundRow,
  refundAtProvider: ProviderRefund,
): Promise<{ order: OrderRow; reversal: Reversal; settledNow: boolean }> {
  if (refund.status === "requested") {
    const [order] = await ctx.db.select().from(orders).where(eq(orders.id, refund.orderId));
    const [payment] = await ctx.db.select().from(payments).where(eq(payments.id, refund.paymentId));
    if (!order || !payment) throw new LumenError("INTERNAL", "The refunded order or payment is gone");
    try {
      await refundAtProvider(order, payment, { id: refund.id, idempotencyKey: `refund-${refund.id}` });
    } catch (error) {
      const attempts = refund.attempts + 1;
      const definitive = error instanceof LumenError && error.code === "CONFLICT";
      await ctx.db
        .update(refunds)
        .set({
          attempts,
          lastError: (error as Error).message.slice(0, 1000),
          status: definitive || attempts >= MAX_PROVIDER_ATTEMPTS ? "failed" : "requested",
          updatedAt: ctx.clock.now(),
        })
        .where(and(eq(refunds.id, refund.id), eq(refunds.status, "requested")));
      throw error;
    }
    await ctx.db
      .update(refunds)
      .set({
        status: "at_provider",
        attempts: refund.attempts + 1,
        lastError: null,
        updatedAt: ctx.clock.now(),
      })
      .where(and(eq(refunds.id, refund.id), eq(refunds.status, "requested")));
  }
  return settleRefund(ctx, refund.id);
}
