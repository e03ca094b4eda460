import { claimPromo, PromoRefused, redeemFreeDays } from "@lumen/core";
import { Composer, InlineKeyboard } from "grammy";
import { issueChatInvites } from "../../../access/issue-chat-invites.ts";
import type { BotContext } from "../../context.ts";
import { parseDeepLink } from "../../deep-link.ts";

/** Checks a code and remembers it for the user's next purchase; a refusal says why. */
export async function applyPromoCode(ctx: BotContext, code: string): Promise<void> {
  if (!ctx.user) return;
  try {
    const promo = await claimPromo(ctx.services.core, { userId: ctx.user.id, code });
    if (promo.kind !== "free_days") {
      await ctx.reply(ctx.t("promo-applied", { code: promo.code }));
      return;
    }
    const plan = await redeemFreeDays(ctx.services.core, promo, {
      userId: ctx.user.id,
      botId: ctx.lumenBot.id,
    });
    await ctx.reply(
      ctx.t("promo-free-days", { title: plan.title, until: plan.endsAt.toISOString().slice(0, 10) }),
    );
    const invites = await issueChatInvites(ctx.services.core, ctx.api, {
      subscription: plan,
      orderId: promo.id,
    });
    if (invites.length) {
      const keyboard = new InlineKeyboard();
      for (const invite of invites)
        keyboard.url(ctx.t("access-join", { title: invite.title }), invite.link).row();
      await ctx.reply(ctx.t("access-links"), { reply_markup: keyboard });
    }
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
