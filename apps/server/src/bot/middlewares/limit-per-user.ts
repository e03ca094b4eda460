import { hitRateLimit } from "@lumen/core";
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.ts";

export type BotLimits = { questionsPerMinute: number; checkoutsPerMinute: number };

/**
 * Expensive actions (an AI answer, a checkout at the provider) per Telegram user per minute,
 * counted in the database so every process shares the count. Over the limit the user is asked,
 * politely and in their language, to wait; nothing else happens.
 */
export function limitPerUser(action: "question" | "checkout"): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const from = ctx.from;
    if (!from) return next();
    const limits = ctx.services.limits;
    const result = await hitRateLimit(ctx.services.core, {
      key: `bot:${action}:${from.id}`,
      limit: action === "question" ? limits.questionsPerMinute : limits.checkoutsPerMinute,
      windowMs: 60_000,
    });
    if (result.allowed) return next();
    const text = ctx.t("error-rate-limited");
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
    else await ctx.reply(text);
  };
}
