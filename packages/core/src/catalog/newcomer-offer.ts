import type { Database } from "@lumen/db";
import { isSoldWith, readBotFeatures } from "../bots/bot-features.ts";
import { hasPaidOrder } from "../orders/has-paid-order.ts";
import { LumenError, notFound } from "../shared/errors.ts";
import { getProductOnSale, listProducts, type Product } from "./get-product.ts";

/**
 * The newcomer-only rule, in one place for the bot's /buy and product links, the Mini App's
 * catalog and product page, order creation and the payment check: a product flagged
 * `newcomersOnly` is offered only to a user who has never paid.
 */
export async function isOfferOpenTo(
  db: Database,
  input: { userId: string; product: Product },
): Promise<boolean> {
  if (!input.product.newcomersOnly) return true;
  return !(await hasPaidOrder(db, input.userId));
}

/** Refuses a newcomer-only product to a user who has paid before (checkout, order creation). */
export async function requireOfferOpenTo(
  db: Database,
  input: { userId: string; product: Product },
): Promise<void> {
  if (await isOfferOpenTo(db, input)) return;
  throw new LumenError("CONFLICT", "This offer is only for a first purchase", {
    field: "product_id",
    reason: "newcomers_only",
  });
}

/**
 * The products on sale as this buyer sees them through this bot: what the bot sells (no courses
 * where its courses feature is off), and newcomer-only ones only before their first purchase.
 * The bot's /buy and the Mini App's catalog both list through it; an unknown user is a newcomer.
 */
export async function listProductsForBuyer(
  db: Database,
  input: { userId: string | undefined; botId: string },
): Promise<Product[]> {
  const features = await readBotFeatures(db, input.botId);
  const onSale = (await listProducts(db, { activeOnly: true })).filter((p) => isSoldWith(features, p));
  if (!onSale.some((p) => p.newcomersOnly)) return onSale;
  const hasPaid = input.userId !== undefined && (await hasPaidOrder(db, input.userId));
  return hasPaid ? onSale.filter((p) => !p.newcomersOnly) : onSale;
}

/**
 * One product as this buyer sees it through this bot, by the rule of `listProductsForBuyer`: a
 * product the list would not show them (off sale, not sold by this bot, newcomer-only after
 * their first purchase) is "not found" to them. The Mini App's product page and the bot's
 * product links (`/start p_<id>`) open products through it.
 */
export async function getProductForBuyer(
  db: Database,
  input: { userId: string | undefined; botId: string; productId: string },
): Promise<Product> {
  const product = await getProductOnSale(db, input.productId);
  const offered =
    isSoldWith(await readBotFeatures(db, input.botId), product) &&
    (input.userId === undefined || (await isOfferOpenTo(db, { userId: input.userId, product })));
  if (!offered) throw notFound("Product", input.productId);
  return product;
}

/**
 * Where a buyer's "Renew" leads for each of their plans: the first plan product, in catalog
 * order, they can buy through this bot with that plan code. A plan no product sells any more has
 * no entry.
 */
export async function findRenewalProducts(
  db: Database,
  input: { userId: string; botId: string },
): Promise<Map<string, string>> {
  const renewals = new Map<string, string>();
  for (const product of await listProductsForBuyer(db, input)) {
    const details = product.details;
    if (details.kind === "plan" && !renewals.has(details.planCode))
      renewals.set(details.planCode, product.id);
  }
  return renewals;
}
