import { upsertTelegramUser } from "@lumen/core";
import { createTranslator, isLocale, resolveLocale } from "@lumen/locales";
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.ts";
import { startPayloadOf } from "../deep-link.ts";

/** Records who wrote (first and last seen, names, language) and picks the language to answer in. */
export const identifyUser: MiddlewareFn<BotContext> = async (ctx, next) => {
  const from = ctx.from;
  if (from && !from.is_bot) {
    const user = await upsertTelegramUser(ctx.services.core, {
      telegramId: from.id,
      firstName: from.first_name,
      lastName: from.last_name ?? null,
      username: from.username ?? null,
      languageCode: from.language_code ?? null,
      startPayload: startPayloadOf(ctx.message?.text),
      botId: ctx.lumenBot.id,
    });
    ctx.user = user;
    ctx.locale = user.locale && isLocale(user.locale) ? user.locale : resolveLocale(from.language_code);
    ctx.t = createTranslator(ctx.locale);
  }
  await next();
};
