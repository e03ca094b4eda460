import { setUserLocale } from "@lumen/core";
import type { Locale } from "@lumen/locales";
import { Composer } from "grammy";
import { languageDataPattern } from "../callback-data.ts";
import type { BotContext } from "../context.ts";
import { languageKeyboard } from "../keyboards/language.ts";
import { mainMenuKeyboard } from "../keyboards/main-menu.ts";

export const languageFeature = new Composer<BotContext>();

languageFeature
  .chatType("private")
  .command("language", (ctx) => ctx.reply(ctx.t("language-choose"), { reply_markup: languageKeyboard(ctx) }));

languageFeature.callbackQuery(languageDataPattern, async (ctx) => {
  const locale = ctx.match[1] as Locale;
  if (!ctx.user) return ctx.answerCallbackQuery();
  await setUserLocale(ctx.services.core, { userId: ctx.user.id, locale });
  ctx.locale = locale;
  ctx.t = ctx.translatorFor(locale);
  await ctx.answerCallbackQuery({ text: ctx.t("language-changed") });
  await ctx.editMessageText(`${ctx.t("language-changed")}\n\n${ctx.t("menu-title")}`, {
    reply_markup: await mainMenuKeyboard(ctx),
  });
});
