import { randomUUID } from "node:crypto";
import { type Currency, type OrderRow, orders, type PaymentProvider } from "@lumen/db";
import { isSoldWith, readBotFeatures } from "../bots/bot-features.ts";
import { getProduct, priceIn } from "../catalog/get-product.ts";
import { requireOfferOpenTo } from "../catalog/newcomer-offer.ts";
import { priceCourseOrder } from "../courses/price-course-order.ts";
import { getClaimedPromo } from "../promos/claim-promo.ts";
import { type PromoQuote, PromoRefused, quotePromo } from "../promos/quote-promo.ts";
import { reservePromo } from "../promos/reserve-promo.ts";
import type { CoreContext } from "../shared/context.ts";
import { LumenError, validationFailed } from "../shared/errors.ts";
import { getUser } from "../users/get-user.ts";

export type CreateOrderInput = {
  userId: string;
  productId: string;
  currency: Currency;
  provider: PaymentProvider;
  botId?: string | null;
  /** Applied on the server; the discounted price is what the order asks for. */
  promoCode?: string | null;
  /** Apply the code the user entered in the bot (/promo, a promo_ link), if it fits this order. */
  useClaimedPromo?: boolean;
};

const ignoreRefusal = (error: unknown) => {
  if (error instanceof PromoRefused) return undefined;
  throw error;
};

/** How long an unpaid order can still be paid; Telegram invoices stay payable about a day. */
export const ORDER_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * The price comes from the catalog, never from the buyer; the order keeps a copy of it. A promo
 * code's use is reserved in the same transaction (released if the order expires or is
 * cancelled), so a code that is used up or already used by this buyer is refused now, not
 * after the buyer paid.
 */
export async function createOrder(ctx: CoreContext, input: CreateOrderInput): Promise<OrderRow> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const user = await getUser(tx, input.userId);
    if (user.isBanned) throw new LumenError("FORBIDDEN", "This user is banned");
    const product = await getProduct(tx, input.productId);
    if (!product.active)
      throw new LumenError("CONFLICT", "This product is not on sale", { field: "product_id" });
    if (input.botId && !isSoldWith(await readBotFeatures(tx, input.botId), product))
      throw new LumenError("CONFLICT", "This bot does not sell courses", { field: "product_id" });
    await requireOfferOpenTo(tx, { userId: user.id, product });
    const catalogAmount = priceIn(product, input.currency);
    if (catalogAmount === undefined)
      throw validationFailed("currency", `This product has no price in ${input.currency}`);
    // A course tariff above the one the buyer has costs the difference (an upgrade).
    const priced =
      product.details.kind === "course"
        ? await priceCourseOrder(tx, {
            userId: user.id,
            courseCode: product.details.courseCode,
            tariff: product.details.tariff,
            currency: input.currency,
            amount: catalogAmount,
          })
        : { amount: catalogAmount, upgradeFrom: null };
    const { amount } = priced;
    if (input.provider === "stars" && input.currency !== "XTR")
      throw validationFailed("currency", "Stars payments are in XTR");
    const quoteInput = { userId: user.id, productId: product.id, currency: input.currency, amount, now };
    const orderId = randomUUID();
    const reserve = async (quote: PromoQuote) => {
      await reservePromo(tx, { promoId: quote.promo.id, userId: user.id, orderId, now });
      return quote;
    };
    let quote = input.promoCode
      ? await reserve(await quotePromo(tx, { ...quoteInput, code: input.promoCode }))
      : undefined;
    if (!quote && input.useClaimedPromo) {
      // The code the user entered in the bot applies where it can; where it cannot (another
      // product, used up meanwhile) the purchase goes on at the catalog price.
      const claimed = await getClaimedPromo(tx, user.id);
      quote = claimed
        ? await quotePromo(tx, { ...quoteInput, code: claimed.code })
            .then(reserve)
            .catch(ignoreRefusal)
        : undefined;
    }
    const [order] = await tx
      .insert(orders)
      .values({
        id: orderId,
        userId: user.id,
        productId: product.id,
        botId: input.botId ?? null,
        kind: product.kind,
        title: product.title,
        details: product.details,
        currency: input.currency,
        amount: quote?.amount ?? amount,
        listAmount: amount,
        upgradeFrom: priced.upgradeFrom,
        promoId: quote?.promo.id ?? null,
        promoCode: quote?.promo.code ?? null,
        provider: input.provider,
        expiresAt: new Date(now.getTime() + ORDER_TTL_MS),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!order) throw new LumenError("INTERNAL", "The order was not saved");
    return order;
  });
}
