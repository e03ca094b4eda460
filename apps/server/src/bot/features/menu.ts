import { Composer } from "grammy";
import { type MenuTarget, menuDataPattern } from "../callback-data.ts";
import type { BotContext } from "../context.ts";
import { languageKeyboard } from "../keyboards/language.ts";
import { backToMenuKeyboard, mainMenuKeyboard } from "../keyboards/main-menu.ts";

function accountText(ctx: BotContext): string {
  const user = ctx.user;
  if (!user) return ctx.t("error-generic");
  return ctx.t("account-text", {
    name: [user.firstName, user.lastName].filter(Boolean).join(" "),
    telegramId: String(user.telegramId),
    language: ctx.t("language-name"),
    since: user.firstSeenAt.toISOString().slice(0, 10),
  });
}

/** What each menu button (and its command twin) shows. */
export function renderMenuScreen(ctx: BotContext, target: MenuTarget) {
  switch (target) {
    case "home":
      return { text: ctx.t("menu-title"), reply_markup: mainMenuKeyboard(ctx) };
    case "account":
      return { text: accountText(ctx), reply_markup: backToMenuKeyboard(ctx) };
    case "language":
      return { text: ctx.t("language-choose"), reply_markup: languageKeyboard(ctx) };
    case "help":
      return { text: ctx.t("help-text"), reply_markup: backToMenuKeyboard(ctx) };
  }
}

export const menuFeature = new Composer<BotContext>();
const privateChats = menuFeature.chatType("private");

privateChats.command("help", (ctx) => ctx.reply(ctx.t("help-text")));
privateChats.command("account", (ctx) => {
  const screen = renderMenuScreen(ctx, "account");
  return ctx.reply(screen.text, { reply_markup: screen.reply_markup });
});

menuFeature.callbackQuery(menuDataPattern, async (ctx) => {
  const screen = renderMenuScreen(ctx, ctx.match[1] as MenuTarget);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(screen.text, { reply_markup: screen.reply_markup }).catch((error: unknown) => {
    // Pressing the same button twice leaves the message as it is; that is not a failure.
    if (!String(error).includes("message is not modified")) throw error;
  });
});
