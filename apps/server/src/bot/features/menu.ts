import { isLumenError, startTrial } from "@lumen/core";
import { Composer } from "grammy";
import { type MenuTarget, menuDataPattern } from "../callback-data.ts";
import type { BotContext } from "../context.ts";
import { languageKeyboard } from "../keyboards/language.ts";
import { backToMenuKeyboard, mainMenuKeyboard } from "../keyboards/main-menu.ts";
import { renderBalance, renderSettings, type Screen } from "./assistant/screens.ts";
import { renderCatalog } from "./shop/catalog-screen.ts";

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

async function renderTrial(ctx: BotContext): Promise<Screen> {
  const reply_markup = backToMenuKeyboard(ctx);
  if (!ctx.user) return { text: ctx.t("error-generic"), reply_markup };
  try {
    const trial = await startTrial(ctx.services.core, ctx.services.assistant.config, ctx.user.id);
    ctx.track("trial_started");
    return {
      text: ctx.t("trial-started", {
        messages: trial.messagesGranted,
        days: ctx.services.assistant.config.trialDays ?? 0,
      }),
      reply_markup,
    };
  } catch (error) {
    if (isLumenError(error) && error.code === "CONFLICT")
      return { text: ctx.t("trial-already-used"), reply_markup };
    throw error;
  }
}

/** What each menu button (and its command twin) shows. */
export async function renderMenuScreen(ctx: BotContext, target: MenuTarget): Promise<Screen> {
  switch (target) {
    case "home":
      return { text: ctx.t("menu-title"), reply_markup: await mainMenuKeyboard(ctx) };
    case "ask":
      return { text: ctx.t("ask-prompt"), reply_markup: backToMenuKeyboard(ctx) };
    case "balance":
      return renderBalance(ctx);
    case "topup":
      return renderCatalog(ctx);
    case "settings":
      return renderSettings(ctx);
    case "trial":
      return renderTrial(ctx);
    case "account":
      return { text: accountText(ctx), reply_markup: backToMenuKeyboard(ctx) };
    case "language":
      return { text: ctx.t("language-choose"), reply_markup: languageKeyboard(ctx) };
    case "help":
      return { text: ctx.t("help-text"), reply_markup: backToMenuKeyboard(ctx) };
  }
}

export async function replyWithScreen(ctx: BotContext, target: MenuTarget): Promise<void> {
  const screen = await renderMenuScreen(ctx, target);
  await ctx.reply(screen.text, { reply_markup: screen.reply_markup });
}

/** Edits the message the button was on; pressing the same button twice changes nothing. */
export async function editToScreen(ctx: BotContext, screen: Screen): Promise<void> {
  await ctx.editMessageText(screen.text, { reply_markup: screen.reply_markup }).catch((error: unknown) => {
    if (!String(error).includes("message is not modified")) throw error;
  });
}

export const menuFeature = new Composer<BotContext>();
const privateChats = menuFeature.chatType("private");

privateChats.command("help", (ctx) => ctx.reply(ctx.t("help-text")));
privateChats.command("account", (ctx) => replyWithScreen(ctx, "account"));
privateChats.command("balance", (ctx) => replyWithScreen(ctx, "balance"));
privateChats.command("settings", (ctx) => replyWithScreen(ctx, "settings"));

menuFeature.callbackQuery(menuDataPattern, async (ctx) => {
  const target = ctx.match[1] as MenuTarget;
  const screen = await renderMenuScreen(ctx, target);
  await ctx.answerCallbackQuery();
  await editToScreen(ctx, screen);
});
