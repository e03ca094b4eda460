import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.ts";

/**
 * A user an operator blocked gets one polite refusal, in their language, for whatever they send
 * or press in a private chat, and nothing else runs. Payments still pass (a payment Telegram has
 * already taken must settle), and so do chat membership updates, which the access rules decide.
 */
export const refuseBlocked: MiddlewareFn<BotContext> = async (ctx, next) => {
  const isPaymentUpdate = Boolean(ctx.preCheckoutQuery || ctx.message?.successful_payment);
  if (!ctx.user?.isBanned || isPaymentUpdate || ctx.chat?.type !== "private") return next();
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery({ text: ctx.t("user-blocked"), show_alert: true });
    return;
  }
  if (ctx.message) await ctx.reply(ctx.t("user-blocked"));
};
