import type { Product } from "@lumen/core";
import { InlineKeyboard } from "grammy";
import type { BotContext } from "../../context.ts";
import { storeUrlOf } from "../../store-url.ts";
import { productButtons } from "../shop/catalog-screen.ts";

/**
 * The paywall in front of a chat: what it takes to get in, with the plan in the store (when the
 * installation has one) and the same ways to pay as the bot's catalog.
 */
export function renderJoinOffer(ctx: BotContext, product: Product, chatTitle: string) {
  const keyboard = new InlineKeyboard();
  const store = storeUrlOf(ctx.services.storeBaseUrl, ctx.lumenBot.id, `products/${product.id}`);
  if (store) keyboard.webApp(ctx.t("shop-open-in-store"), store).row();
  for (const [label, data] of productButtons(ctx, product)) keyboard.text(label, data).row();
  return {
    text: ctx.t("access-join-offer", { chat: chatTitle, plan: product.title }),
    reply_markup: keyboard,
  };
}
