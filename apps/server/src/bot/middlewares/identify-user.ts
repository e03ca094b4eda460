import { upsertTelegramUser } from "@lumen/core";
import { isLocale, resolveLocale } from "@lumen/locales";
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.ts";
import { startPayloadOf } from "../deep-link.ts";

/**
 * Records who wrote (first and last seen, names, language) and picks the language to answer in,
 * with the bot's edited texts. The upsert reads the bot's text revision in the same statement, so
 * a change saved in any process applies from the next update at no extra round trip; the texts
 * are reloaded only when the revision moved.
 */
export const identifyUser: MiddlewareFn<BotContext> = async (ctx, next) => {
  const from = ctx.from;
  if (from && !from.is_bot) {
    const { textRevision, ...user } = await upsertTelegramUser(ctx.services.core, {
      telegramId: from.id,
      firstName: from.first_name,
      lastName: from.last_name ?? null,
      username: from.username ?? null,
      languageCode: from.language_code ?? null,
      startPayload: startPayloadOf(ctx.message?.text),
      botId: ctx.lumenBot.id,
    });
    const translatorFor = await ctx.services.texts.translatorsAt(ctx.lumenBot.id, textRevision);
    ctx.user = user;
    ctx.translatorFor = translatorFor;
    ctx.locale = user.locale && isLocale(user.locale) ? user.locale : resolveLocale(from.language_code);
    ctx.t = ctx.translatorFor(ctx.locale);
  }
  await next();
};
