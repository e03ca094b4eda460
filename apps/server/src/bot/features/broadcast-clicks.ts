import { recordBroadcastClick } from "@lumen/core";
import { Composer } from "grammy";
import { broadcastButtonDataPattern } from "../callback-data.ts";
import type { BotContext } from "../context.ts";
import { renderMenuScreen } from "./menu.ts";
import { renderProduct } from "./shop/product-screen.ts";

/**
 * A button under a broadcast: the press is counted for the broadcast's report, then the bot does
 * what the button offers (shows the product, starts the trial) in a new message, so the broadcast
 * itself stays as it was.
 */
export const broadcastClicksFeature = new Composer<BotContext>();

broadcastClicksFeature.callbackQuery(broadcastButtonDataPattern, async (ctx) => {
  const button = await recordBroadcastClick(ctx.services.core, {
    broadcastId: ctx.match[1] as string,
    telegramId: ctx.from.id,
    button: Number(ctx.match[2]),
  });
  await ctx.answerCallbackQuery();
  if (button?.kind === "product" && button.productId) {
    const screen = await renderProduct(ctx, button.productId);
    if (screen) await ctx.reply(screen.text, { reply_markup: screen.reply_markup });
    else await ctx.reply(ctx.t("broadcast-product-gone"));
    return;
  }
  if (button?.kind === "trial") {
    const screen = await renderMenuScreen(ctx, "trial");
    await ctx.reply(screen.text, { reply_markup: screen.reply_markup });
    return;
  }
  await ctx.reply(ctx.t("broadcast-button-gone"));
});
