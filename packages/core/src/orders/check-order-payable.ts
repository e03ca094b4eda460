import { orders, products } from "@lumen/db";
import { eq } from "drizzle-orm";
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
        | "promo_invalid";
    };

/**
 * Telegram's pre_checkout_query: may this exact payment go ahead? Only for a pending order of
 * this buyer, at the amount and currency the order says, for a product still on sale, with a
 * promo code still valid (not deactivated or expired since the order was made).
 */
export async function checkOrderPayable(
  ctx: CoreContext,
  input: { orderId: string; telegramUserId: number; currency: string; amount: number },
): Promise<PayableCheck> {
  if (!/^[0-9a-f-]{36}$/.test(input.orderId)) return { ok: false, reason: "not_found" };
  const [row] = await ctx.db
    .select({ order: orders, productActive: products.active })
    .from(orders)
    .innerJoin(products, eq(products.id, orders.productId))
    .where(eq(orders.id, input.orderId));
  if (!row) return { ok: false, reason: "not_found" };
  const { order } = row;
  const user = await getUser(ctx.db, order.userId);
  if (user.telegramId !== input.telegramUserId) return { ok: false, reason: "wrong_user" };
  if (user.isBanned) return { ok: false, reason: "banned" };
  if (order.status !== "pending") return { ok: false, reason: "not_pending" };
  if (order.expiresAt <= ctx.clock.now()) return { ok: false, reason: "expired" };
  if (order.amount !== input.amount || order.currency !== input.currency)
    return { ok: false, reason: "mismatch" };
  if (!row.productActive) return { ok: false, reason: "inactive" };
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
