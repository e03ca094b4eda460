import {
  type Actor,
  adjustCredits,
  findOperatorByTelegramId,
  findUserByTelegramId,
  getTodayFigures,
  hasRole,
  isLumenError,
  listBots,
  updateBot,
} from "@lumen/core";
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../context.ts";

const grantData = "adm:grant";
const botsData = "adm:bots";
const toggleData = (botId: string, enable: boolean) => `adm:bot:${botId}:${enable ? "on" : "off"}`;
const togglePattern = /^adm:bot:([0-9a-f-]{36}):(on|off)$/;

/** The operator behind this Telegram account, as a core actor; null for anyone else. */
async function operatorOf(ctx: BotContext): Promise<Actor | null> {
  if (!ctx.from) return null;
  const operator = await findOperatorByTelegramId(ctx.services.core, ctx.from.id);
  if (!operator || !hasRole(operator.role, "operator")) return null;
  return { type: "admin", id: operator.id, role: operator.role };
}

async function showToday(ctx: BotContext, actor: Actor): Promise<void> {
  const figures = await getTodayFigures(ctx.services.core, actor);
  const revenue = figures.revenue.filter((r) => r.amount > 0).map((r) => `${r.amount} ${r.currency}`);
  await ctx.reply(
    ctx.t("admin-today", {
      day: figures.day,
      users: figures.newUsers,
      revenue: revenue.length ? revenue.join(", ") : ctx.t("admin-no-revenue"),
      open: figures.openTasks,
      overdue: figures.overdueTasks,
    }),
    {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("admin-grant-button"), grantData)
        .row()
        .text(ctx.t("admin-bots-button"), botsData),
    },
  );
}

async function botsKeyboard(ctx: BotContext): Promise<InlineKeyboard> {
  const keyboard = new InlineKeyboard();
  for (const bot of await listBots(ctx.services.core)) {
    keyboard
      .text(
        ctx.t("admin-bot-line", { enabled: bot.enabled ? "yes" : "no", username: bot.username }),
        toggleData(bot.id, !bot.enabled),
      )
      .row();
  }
  return keyboard;
}

/**
 * /admin for operators who linked their Telegram account: today's figures, credits granted by
 * Telegram id, bots paused and resumed. Each action is a core verb that checks the operator's
 * role and writes the audit log; the bot only finds who is asking.
 */
export const botAdminFeature = new Composer<BotContext>();
const privateChats = botAdminFeature.chatType("private");

privateChats.command("admin", async (ctx) => {
  const actor = await operatorOf(ctx);
  if (!actor) return void (await ctx.reply(ctx.t("admin-not-operator")));
  await showToday(ctx, actor);
});

privateChats.callbackQuery(grantData, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("admin-grant-usage"));
});

privateChats.command("grant", async (ctx) => {
  const actor = await operatorOf(ctx);
  if (!actor) return void (await ctx.reply(ctx.t("admin-not-operator")));
  const [telegramId, amount, ...reason] = ctx.match.trim().split(/\s+/);
  if (!telegramId || !amount || !/^\d+$/.test(telegramId) || !/^-?\d+$/.test(amount)) {
    return void (await ctx.reply(ctx.t("admin-grant-usage")));
  }
  const user = await findUserByTelegramId(ctx.services.core.db, Number(telegramId));
  if (!user) return void (await ctx.reply(ctx.t("admin-grant-unknown-user", { telegramId })));
  try {
    const entry = await adjustCredits(ctx.services.core, actor, {
      userId: user.id,
      amount: Number(amount),
      reason: reason.join(" ") || "granted in the bot",
      // A redelivered update grants once.
      idempotencyKey: `bot:${ctx.chat.id}:${ctx.msg.message_id}`,
    });
    await ctx.reply(
      ctx.t("admin-granted", { amount: Number(amount), name: user.firstName, balance: entry.balanceAfter }),
    );
  } catch (error) {
    if (isLumenError(error) && error.code === "FORBIDDEN")
      return void (await ctx.reply(ctx.t("admin-forbidden")));
    if (isLumenError(error) && error.code === "VALIDATION_FAILED")
      return void (await ctx.reply(ctx.t("admin-grant-usage")));
    throw error;
  }
});

privateChats.callbackQuery(botsData, async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!(await operatorOf(ctx))) return;
  await ctx.reply(ctx.t("admin-bots-title"), { reply_markup: await botsKeyboard(ctx) });
});

privateChats.callbackQuery(togglePattern, async (ctx) => {
  const actor = await operatorOf(ctx);
  if (!actor) return void (await ctx.answerCallbackQuery());
  const enable = ctx.match[2] === "on";
  try {
    const bot = await updateBot(ctx.services.core, actor, { botId: ctx.match[1] as string, enabled: enable });
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: await botsKeyboard(ctx) }).catch(() => undefined);
    await ctx.reply(ctx.t(enable ? "admin-bot-resumed" : "admin-bot-paused", { username: bot.username }));
    // After this update is handled: a bot pausing itself stops once its handler has finished.
    const reload = ctx.services.reloadBot;
    if (reload) ctx.services.background.run(() => reload(bot.id));
  } catch (error) {
    if (isLumenError(error) && error.code === "FORBIDDEN") {
      return void (await ctx.answerCallbackQuery({ text: ctx.t("admin-forbidden"), show_alert: true }));
    }
    throw error;
  }
});
