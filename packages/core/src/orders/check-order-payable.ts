import { orders } from "@lumen/db";
import { eq } from "drizzle-orm";
import { getProduct, priceIn } from "../catalog/get-product.ts";
import { isOfferOpenTo } from "../catalog/newcomer-offer.ts";
import { recheckCourseOrder } from "../courses/recheck-course-order.ts";
import { checkOrderPromo } from "../promos/reserve-promo.ts";
import type { CoreContext } from "../shared/context.ts";
import { getUser } from "../users/get-user.ts";

export type PayableCheck =
  | { ok: true }
  | {
      ok: false;
      reason:
        | "not_found"
        | "not_pending"
        | "expired"
        | "mismatch"
        | "inactive"
        | "banned"
        | "wrong_user"
        | "promo_exhausted"
        | "promo_invalid"
        | "newcomers_only"
        | "upgrade_changed";
    };

/**
 * Telegram's pre_checkout_query: may this exact payment go ahead? Only for a pending order of
 * this buyer, at the amount and currency the order says, for a product still on sale, with a
 * promo code still valid (not deactivated or expired since the order was made), a newcomer-only
 * offer still to a buyer who never paid (another order may have been paid meanwhile), and a
 * course upgrade still from the place and tariff it was priced from, at the same difference.
 */
export async function checkOrderPayable(
  ctx: CoreContext,
  input: { orderId: string; telegramUserId: number; currency: string; amount: number },
): Promise<PayableCheck> {
  if (!/^[0-9a-f-]{36}$/.test(input.orderId)) return { ok: false, reason: "not_found" };
  const [order] = await ctx.db.select().from(orders).where(eq(orders.id, input.orderId));
  if (!order) return { ok: false, reason: "not_found" };
  const user = await getUser(ctx.db, order.userId);
  if (user.telegramId !== input.telegramUserId) return { ok: false, reason: "wrong_user" };
  if (user.isBanned) return { ok: false, reason: "banned" };
  if (order.status !== "pending") return { ok: false, reason: "not_pending" };
  if (order.expiresAt <= ctx.clock.now()) return { ok: false, reason: "expired" };
  if (order.amount !== input.amount || order.currency !== input.currency)
    return { ok: false, reason: "mismatch" };
  const product = await getProduct(ctx.db, order.productId);
  if (!product.active) return { ok: false, reason: "inactive" };
  if (!(await isOfferOpenTo(ctx.db, { userId: user.id, product })))
    return { ok: false, reason: "newcomers_only" };
  const course = await recheckCourseOrder(ctx.db, {
    userId: user.id,
    details: order.details,
    currency: order.currency,
    catalogAmount: priceIn(product, order.currency),
    listAmount: order.listAmount ?? order.amount,
    upgradeFrom: order.upgradeFrom,
  });
  if (course !== "ok") return { ok: false, reason: course };
  if (order.promoId) {
    // The code must still be valid, and the order still hold the use it reserved.
    const refusal = await checkOrderPromo(ctx.db, {
      promoId: order.promoId,
      orderId: order.id,
      now: ctx.clock.now(),
    });
    if (refusal === "exhausted") return { ok: false, reason: "promo_exhausted" };
    if (refusal) return { ok: false, reason: "promo_invalid" };
  }
  return { ok: true };
}
