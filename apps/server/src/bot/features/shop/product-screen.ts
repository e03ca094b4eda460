import { getProductForBuyer, isLumenError } from "@lumen/core";
import { InlineKeyboard } from "grammy";
import { menuData } from "../../callback-data.ts";
import type { BotContext } from "../../context.ts";
import { storeUrlOf } from "../../store-url.ts";
import { productButtons } from "./catalog-screen.ts";

const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/**
 * One product, opened by a `t.me/<bot>?start=p_<id>` link (a post, an ad, the store's share
 * button): its title and description, a button per way to pay, and the same product in the
 * Mini App store when there is one. Undefined when the product is not offered to this buyer
 * here (off sale, not sold by this bot, newcomer-only after their first purchase).
 */
export async function renderProduct(ctx: BotContext, productId: string) {
  if (!isUuid(productId)) return undefined;
  const product = await getProductForBuyer(ctx.services.core.db, {
    userId: ctx.user?.id,
    botId: ctx.lumenBot.id,
    productId,
  }).catch((error: unknown) => {
    if (isLumenError(error) && error.code === "NOT_FOUND") return undefined;
    throw error;
  });
  if (!product) return undefined;
  ctx.track("product_viewed", { productId: product.id });
  const keyboard = new InlineKeyboard();
  const buttons = productButtons(ctx, product);
  for (const [label, data] of buttons) keyboard.text(label, data).row();
  const store = storeUrlOf(ctx.services.storeBaseUrl, ctx.lumenBot.id, `products/${product.id}`);
  if (store) keyboard.webApp(ctx.t("shop-open-in-store"), store).row();
  keyboard.text(ctx.t("menu-back"), menuData("home"));
  const text = [
    product.title,
    product.description,
    buttons.length ? ctx.t("shop-product-choose") : ctx.t("shop-product-no-way-to-pay"),
  ]
    .filter(Boolean)
    .join("\n\n");
  return { text, reply_markup: keyboard };
}
