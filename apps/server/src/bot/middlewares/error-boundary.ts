import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.ts";

/**
 * Any failure below is logged with its update and the user is told, in their language,
 * that something went wrong, instead of the bot silently not answering.
 */
export const errorBoundary: MiddlewareFn<BotContext> = async (ctx, next) => {
  try {
    await next();
  } catch (error) {
    ctx.log.error({ err: error }, "update failed");
    ctx.services.metrics.botErrors.inc({ bot: ctx.lumenBot.username });
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    if (ctx.chat?.type === "private") {
      await ctx.reply(ctx.t("error-generic")).catch((replyError: unknown) => {
        ctx.log.warn({ err: replyError }, "could not tell the user about the failure");
      });
    }
  }
};
