import {
  decideBuyerLogin,
  findPendingBuyerLogin,
  isLumenError,
  listBuyerSessions,
  revokeBuyerSessions,
} from "@lumen/core";
import { Composer, InlineKeyboard } from "grammy";
import { loginData, loginDataPattern, sessionEndData, sessionEndDataPattern } from "../callback-data.ts";
import type { BotContext } from "../context.ts";

/**
 * Signing in to the installed app through the bot (seed 000): the app shows a code and a
 * `login_<code>` link; here the Telegram user says yes or no, and /sessions lists and ends the
 * devices signed in.
 */
export const appSignInFeature = new Composer<BotContext>();
const privateChats = appSignInFeature.chatType("private");

/** Answers `/start login_<code>`: asks before anything is granted; false when the code is not usable. */
export async function askToConfirmSignIn(ctx: BotContext, code: string): Promise<boolean> {
  const login = await findPendingBuyerLogin(ctx.services.core, { code, botId: ctx.lumenBot.id });
  if (!login) return false;
  await ctx.reply(ctx.t("login-confirm", { bot: ctx.lumenBot.name }), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("login-yes"), loginData(code, true))
      .text(ctx.t("login-no"), loginData(code, false)),
  });
  return true;
}

privateChats.callbackQuery(loginDataPattern, async (ctx) => {
  const [, answer, code = ""] = ctx.match;
  if (!ctx.user) return ctx.answerCallbackQuery();
  try {
    const outcome = await decideBuyerLogin(ctx.services.core, {
      code,
      botId: ctx.lumenBot.id,
      userId: ctx.user.id,
      approve: answer === "yes",
    });
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t(outcome === "confirmed" ? "login-confirmed" : "login-denied"));
  } catch (error) {
    if (!isLumenError(error) || error.code !== "CONFLICT") throw error;
    await ctx.answerCallbackQuery({ text: ctx.t("deeplink-login-invalid"), show_alert: true });
  }
});

async function renderSessions(ctx: BotContext) {
  const sessions = ctx.user ? await listBuyerSessions(ctx.services.core, ctx.user.id) : [];
  if (!sessions.length) return { text: ctx.t("sessions-empty"), reply_markup: undefined };
  const keyboard = new InlineKeyboard();
  const lines = sessions.map((s, i) => {
    keyboard.text(ctx.t("sessions-end", { n: i + 1 }), sessionEndData(s.id)).row();
    return ctx.t("sessions-line", {
      n: i + 1,
      device: s.userAgent?.slice(0, 60) ?? "—",
      since: s.createdAt.toISOString().slice(0, 10),
    });
  });
  if (sessions.length > 1) keyboard.text(ctx.t("sessions-end-all"), sessionEndData("all"));
  return { text: [ctx.t("sessions-title"), ...lines].join("\n"), reply_markup: keyboard };
}

privateChats.command("sessions", async (ctx) => {
  const screen = await renderSessions(ctx);
  await ctx.reply(screen.text, { reply_markup: screen.reply_markup });
});

privateChats.callbackQuery(sessionEndDataPattern, async (ctx) => {
  const [, which] = ctx.match;
  if (!ctx.user) return ctx.answerCallbackQuery();
  await revokeBuyerSessions(ctx.services.core, {
    userId: ctx.user.id,
    ...(which === "all" ? {} : { sessionId: which }),
  }).catch((error: unknown) => {
    if (!isLumenError(error) || error.code !== "NOT_FOUND") throw error;
  });
  await ctx.answerCallbackQuery({ text: ctx.t("sessions-ended") });
  const screen = await renderSessions(ctx);
  await ctx.editMessageText(screen.text, { reply_markup: screen.reply_markup });
});
