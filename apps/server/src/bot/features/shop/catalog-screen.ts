import { getClaimedPromo, listProducts, type Product, priceIn } from "@lumen/core";
import { InlineKeyboard } from "grammy";
import { buyData, menuData } from "../../callback-data.ts";
import type { BotContext } from "../../context.ts";

const rubles = (kopecks: number) =>
  kopecks % 100 === 0 ? String(kopecks / 100) : (kopecks / 100).toFixed(2);

/** One button per way to pay for each product on sale: Stars always, RUB and test payments where configured. */
export function productButtons(ctx: BotContext, product: Product): Array<[string, string]> {
  const buttons: Array<[string, string]> = [];
  const stars = priceIn(product, "XTR");
  const rub = priceIn(product, "RUB");
  if (stars !== undefined)
    buttons.push([
      ctx.t("shop-price-stars", { title: product.title, amount: stars }),
      buyData(product.id, "XTR"),
    ]);
  if (rub !== undefined && (ctx.services.shop.yookassa || ctx.services.shop.telegramProviderToken)) {
    buttons.push([
      ctx.t("shop-price-rub", { title: product.title, amount: rubles(rub) }),
      buyData(product.id, "RUB"),
    ]);
  }
  if (ctx.services.shop.mock && (stars !== undefined || rub !== undefined)) {
    buttons.push([ctx.t("shop-price-mock", { title: product.title }), buyData(product.id, "MOCK")]);
  }
  return buttons;
}

/** The "Top up" and /buy screen. */
export async function renderCatalog(ctx: BotContext) {
  const products = await listProducts(ctx.services.core.db, { activeOnly: true });
  const keyboard = new InlineKeyboard();
  let count = 0;
  for (const product of products) {
    for (const [label, data] of productButtons(ctx, product)) {
      keyboard.text(label, data).row();
      count++;
    }
  }
  const promo = ctx.user ? await getClaimedPromo(ctx.services.core.db, ctx.user.id) : undefined;
  if (count) keyboard.text(ctx.t("promo-button"), "promo:ask").row();
  keyboard.text(ctx.t("menu-back"), menuData("home"));
  const text = count ? ctx.t("shop-title") : ctx.t("shop-empty");
  return {
    text: promo && count ? `${text}\n${ctx.t("promo-note", { code: promo.code })}` : text,
    reply_markup: keyboard,
  };
}
