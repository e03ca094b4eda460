import { paymentCheckouts } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import { getOrder } from "../../orders/read-orders.ts";
import { PromoRefused } from "../../promos/quote-promo.ts";
import { checkOrderPromo } from "../../promos/reserve-promo.ts";
import type { CoreContext } from "../../shared/context.ts";
import { LumenError } from "../../shared/errors.ts";
import { toYooKassaAmount, type YooKassaClient, type YooKassaReceipt } from "./yookassa-client.ts";

export type YooKassaSettings = {
  client: YooKassaClient;
  returnUrl: string;
  /** 54-FZ receipts: sent with each payment when enabled. */
  receipts: { enabled: boolean; vatCode: number; defaultEmail: string | undefined };
};

/**
 * Creates (or finds) the YooKassa payment of an order and returns where the buyer pays.
 * The Idempotence-Key is the order id, so a retry after a timeout gets the same payment.
 */
export async function startYooKassaCheckout(
  ctx: CoreContext,
  settings: YooKassaSettings,
  input: { orderId: string; email?: string | null },
): Promise<{ confirmationUrl: string; providerPaymentId: string }> {
  const order = await getOrder(ctx.db, input.orderId);
  if (order.provider !== "yookassa" || order.currency !== "RUB")
    throw new LumenError("CONFLICT", "This order is not paid through YooKassa");
  if (order.status !== "pending") throw new LumenError("CONFLICT", `This order is ${order.status}`);
  if (order.promoId) {
    // No payment page for a code deactivated, expired or used up since the order was made.
    const refusal = await checkOrderPromo(ctx.db, {
      promoId: order.promoId,
      orderId: order.id,
      now: ctx.clock.now(),
    });
    if (refusal) throw new PromoRefused(refusal);
  }
  const [existing] = await ctx.db
    .select()
    .from(paymentCheckouts)
    .where(and(eq(paymentCheckouts.orderId, order.id), eq(paymentCheckouts.status, "pending")));
  if (existing?.confirmationUrl)
    return { confirmationUrl: existing.confirmationUrl, providerPaymentId: existing.providerPaymentId };

  const amount = toYooKassaAmount(order.amount);
  const email = input.email ?? settings.receipts.defaultEmail;
  let receipt: YooKassaReceipt | undefined;
  if (settings.receipts.enabled) {
    if (!email)
      throw new LumenError("VALIDATION_FAILED", "A receipt needs the buyer's email", { field: "email" });
    receipt = {
      customer: { email },
      items: [
        {
          description: order.title.slice(0, 128),
          quantity: "1.00",
          amount,
          vat_code: settings.receipts.vatCode,
          payment_subject: "service",
          payment_mode: "full_payment",
        },
      ],
    };
  }
  const payment = await settings.client
    .createPayment({
      amount,
      description: order.title,
      returnUrl: settings.returnUrl,
      metadata: { order_id: order.id },
      idempotenceKey: `order-${order.id}`,
      ...(receipt ? { receipt } : {}),
    })
    .catch((error: unknown) => {
      throw new LumenError(
        "UPSTREAM_FAILED",
        `YooKassa did not create the payment: ${(error as Error).message}`,
      );
    });
  const confirmationUrl = payment.confirmation?.confirmation_url;
  if (!confirmationUrl) throw new LumenError("UPSTREAM_FAILED", "YooKassa returned no confirmation URL");
  await ctx.db
    .insert(paymentCheckouts)
    .values({
      orderId: order.id,
      provider: "yookassa",
      providerPaymentId: payment.id,
      confirmationUrl,
      createdAt: ctx.clock.now(),
      updatedAt: ctx.clock.now(),
    })
    .onConflictDoNothing();
  return { confirmationUrl, providerPaymentId: payment.id };
}
