import { randomUUID } from "node:crypto";
import type { PromoRow, SubscriptionRow } from "@lumen/db";
import { products } from "@lumen/db";
import { eq } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import { extendPlan } from "../subscriptions/extend-plan.ts";
import { checkPromoUsable, PromoRefused } from "./quote-promo.ts";
import { redeemPromo } from "./redeem-promo.ts";

/**
 * A free_days code: no purchase, the plan of the code's product for `value` days (a trial of a
 * paid plan). The use is counted in the same transaction as the grant.
 */
export async function redeemFreeDays(
  ctx: CoreContext,
  promo: PromoRow,
  input: { userId: string; botId: string | null },
): Promise<SubscriptionRow> {
  const productId = promo.productIds?.[0];
  if (promo.kind !== "free_days" || !productId) throw new PromoRefused("not_applicable");
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await checkPromoUsable(tx, promo, { userId: input.userId, now });
    const [product] = await tx.select().from(products).where(eq(products.id, productId));
    if (product?.details.kind !== "plan") throw new PromoRefused("not_applicable");
    if (!(await redeemPromo(tx, { promoId: promo.id, userId: input.userId, orderId: null, now })))
      throw new PromoRefused("exhausted");
    const plan = await extendPlan(tx, now, {
      userId: input.userId,
      planCode: product.details.planCode,
      title: product.title,
      periodDays: product.details.periodDays,
      messagesPerPeriod: product.details.messagesPerPeriod,
      fairUseCap: product.details.fairUseCap,
      botId: input.botId,
      channelIds: product.details.channelIds,
      days: promo.value,
      // The use counted just above is this grant's only trigger, so a fresh key per redemption.
      grantKey: `free-days:${promo.id}:${randomUUID()}`,
    });
    return plan;
  });
}
