import { getAssistantAccount, getAssistantPreferences, priceOf } from "@lumen/core";
import { InlineKeyboard } from "grammy";
import { menuData } from "../../callback-data.ts";
import type { BotContext } from "../../context.ts";
import { settingsKeyboard } from "../../keyboards/settings.ts";

export type Screen = { text: string; reply_markup: InlineKeyboard };

const day = (date: Date) => date.toISOString().slice(0, 10);

function requireUser(ctx: BotContext) {
  if (!ctx.user) throw new Error("assistant screens need a user");
  return ctx.user;
}

/** /balance: credits, trial, plan and what a question costs. */
export async function renderBalance(ctx: BotContext): Promise<Screen> {
  const { config } = ctx.services.assistant;
  const account = await getAssistantAccount(ctx.services.core, config, requireUser(ctx).id);
  const lines = [ctx.t("balance-text", { credits: account.balance })];
  if (account.trial.active) {
    lines.push(
      account.trial.expiresAt
        ? ctx.t("balance-trial-until", {
            left: account.trial.messagesLeft,
            until: day(account.trial.expiresAt),
          })
        : ctx.t("balance-trial", { left: account.trial.messagesLeft }),
    );
  } else if (!account.trial.used && config.trialMessages > 0) {
    lines.push(ctx.t("balance-trial-unused", { messages: config.trialMessages }));
  }
  if (account.plan) {
    const { title, endsAt, messagesPerPeriod, messagesLeftThisPeriod } = account.plan;
    lines.push(
      messagesPerPeriod === null
        ? ctx.t("balance-plan-unlimited", { title, until: day(endsAt) })
        : ctx.t("balance-plan", { title, until: day(endsAt), left: messagesLeftThisPeriod }),
    );
  }
  lines.push(ctx.t("balance-model", { model: account.model, price: priceOf(config, account.model) }));
  const keyboard = new InlineKeyboard().text(ctx.t("menu-topup"), menuData("topup"));
  if (!account.trial.used && config.trialMessages > 0) keyboard.text(ctx.t("menu-trial"), menuData("trial"));
  return { text: lines.join("\n"), reply_markup: keyboard.row().text(ctx.t("menu-back"), menuData("home")) };
}

/** What a user with nothing left sees: top up, or the trial if they never had one. */
export async function renderNoAccess(ctx: BotContext): Promise<Screen> {
  const { config } = ctx.services.assistant;
  const account = await getAssistantAccount(ctx.services.core, config, requireUser(ctx).id);
  const offerTrial = !account.trial.used && config.trialMessages > 0;
  const keyboard = new InlineKeyboard().text(ctx.t("menu-topup"), menuData("topup"));
  if (offerTrial) keyboard.text(ctx.t("menu-trial"), menuData("trial"));
  return {
    text: offerTrial ? ctx.t("no-access-trial", { messages: config.trialMessages }) : ctx.t("no-access"),
    reply_markup: keyboard,
  };
}

export async function renderSettings(ctx: BotContext): Promise<Screen> {
  const prefs = await getAssistantPreferences(
    ctx.services.core.db,
    ctx.services.assistant.config,
    requireUser(ctx).id,
  );
  return { text: ctx.t("settings-title"), reply_markup: settingsKeyboard(ctx, prefs) };
}
