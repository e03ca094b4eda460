import { claimPromo, PromoRefused } from "@lumen/core";
import { Composer } from "grammy";
import type { BotContext } from "../../context.ts";
import { parseDeepLink } from "../../deep-link.ts";

/** Checks a code and remembers it for the user's next purchase; a refusal says why. */
export async function applyPromoCode(ctx: BotContext, code: string): Promise<void> {
  if (!ctx.user) return;
  try {
    const promo = await claimPromo(ctx.services.core, { userId: ctx.user.id, code });
    await ctx.reply(ctx.t("promo-applied", { code: promo.code }));
  } catch (error) {
    if (!(error instanceof PromoRefused)) throw error;
    await ctx.reply(ctx.t(`promo-refused-${error.reason}`));
  }
}

export const promoFeature = new Composer<BotContext>();
const privateChats = promoFeature.chatType("private");

privateChats.command("promo", async (ctx) => {
  const code = ctx.match.trim();
  if (!code) return ctx.reply(ctx.t("promo-usage"));
  await applyPromoCode(ctx, code);
});

privateChats.command("start", async (ctx, next) => {
  const link = parseDeepLink(ctx.match);
  if (link?.kind === "promo") await applyPromoCode(ctx, link.code);
  await next();
});

promoFeature.callbackQuery("promo:ask", async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("promo-ask"));
});
