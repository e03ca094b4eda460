import { payments } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import { createRenewalOrder } from "../orders/create-renewal-order.ts";
import { getOrder } from "../orders/read-orders.ts";
import type { CoreContext } from "../shared/context.ts";
import { linkStarSubscription } from "../subscriptions/star-subscriptions.ts";
import { type Settlement, type SettlePaymentInput, settlePaymentIn } from "./settle-payment.ts";

/**
 * A payment of a Telegram Star subscription. The first one settles its order and marks the plan
 * as renewing; each later one carries the first order's payload, so it settles a renewal order
 * made from it (the plan is extended from its end). A repeated charge id changes nothing. All in
 * one transaction, so the plan is marked renewing if and only if the payment settled.
 */
export async function settleStarSubscriptionPayment(
  ctx: CoreContext,
  input: SettlePaymentInput & { firstRecurring: boolean },
): Promise<Settlement> {
  return ctx.db.transaction(async (tx) => {
    if (input.firstRecurring) {
      const settlement = await settlePaymentIn(ctx, tx, input);
      if (settlement.outcome === "settled" && settlement.grant.kind === "plan") {
        await linkStarSubscription(tx, {
          subscriptionId: settlement.grant.subscriptionId,
          chargeId: input.providerPaymentId,
          now: ctx.clock.now(),
        });
      }
      return settlement;
    }
    const [known] = await tx
      .select({ orderId: payments.orderId })
      .from(payments)
      .where(
        and(eq(payments.provider, input.provider), eq(payments.providerPaymentId, input.providerPaymentId)),
      );
    if (known) return { outcome: "already_settled", order: await getOrder(tx, known.orderId) };
    const renewal = await createRenewalOrder({ ...ctx, db: tx }, input.orderId);
    return settlePaymentIn(ctx, tx, {
      ...input,
      orderId: renewal.id,
      eventType: "successful_payment:renewal",
    });
  });
}
