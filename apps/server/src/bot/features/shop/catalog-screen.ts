import { getClaimedPromo, listProductsForBuyer, type Product, priceIn } from "@lumen/core";
import { InlineKeyboard } from "grammy";
import { buyData, menuData } from "../../callback-data.ts";
import type { BotContext } from "../../context.ts";
import { payableHere } from "./payable-here.ts";

/** One button per way to pay for each product on sale: Stars always, RUB and test payments where configured. */
export function productButtons(ctx: BotContext, product: Product): Array<[string, string]> {
  const buttons: Array<[string, string]> = [];
  const stars = priceIn(product, "XTR");
  const rub = priceIn(product, "RUB");
  for (const [currency, amount] of [["XTR", stars] as const, ["RUB", rub] as const]) {
    const payable = amount === undefined ? undefined : payableHere(ctx, currency, amount);
    if (!payable) continue;
    buttons.push([
      ctx.t(`shop-price-${payable.key}`, { title: product.title, amount: payable.amount }),
      buyData(product.id, payable.currency),
    ]);
  }
  if (ctx.services.shop.mock && (stars !== undefined || rub !== undefined)) {
    buttons.push([ctx.t("shop-price-mock", { title: product.title }), buyData(product.id, "MOCK")]);
  }
  return buttons;
}

/** The "Top up" and /buy screen. */
export async function renderCatalog(ctx: BotContext) {
  const products = await listProductsForBuyer(ctx.services.core.db, {
    userId: ctx.user?.id,
    botId: ctx.lumenBot.id,
  });
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
