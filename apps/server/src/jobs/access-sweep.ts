import { type AccessSweepPort, type ChatMemberStatus, type CoreContext, sweepAccess } from "@lumen/core";
import type { UserRow } from "@lumen/db";
import { createTranslator, isLocale, resolveLocale } from "@lumen/locales";
import { InlineKeyboard } from "grammy";
import type { Logger } from "pino";
import type { BotApis } from "../bot/bot-apis.ts";
import { menuData } from "../bot/callback-data.ts";
import type { JobDefinition } from "./job-runner.ts";

const day = (date: Date) => date.toISOString().slice(0, 10);
const translatorFor = (user: UserRow) =>
  createTranslator(user.locale && isLocale(user.locale) ? user.locale : resolveLocale(user.languageCode));

/** The sweep's Telegram side: each bot's API, the user's language. Errors propagate to core. */
function telegramAccessPort(botApis: BotApis, log: Logger): AccessSweepPort {
  return {
    async memberStatus({ botId, chatId, telegramId }) {
      const api = await botApis.apiFor(botId);
      return (await api.getChatMember(chatId, telegramId)).status as ChatMemberStatus;
    },
    async removeMember({ botId, chatId, telegramId }) {
      const api = await botApis.apiFor(botId);
      await api.banChatMember(chatId, telegramId);
      await api.unbanChatMember(chatId, telegramId, { only_if_banned: true });
      log.info({ chatId, user: telegramId }, "removed an ended subscriber");
    },
    async remind({ botId, user, subscription, daysLeft }) {
      const t = translatorFor(user);
      const api = await botApis.apiFor(botId);
      await api.sendMessage(
        user.telegramId,
        t("access-reminder", { title: subscription.title, until: day(subscription.endsAt), days: daysLeft }),
        { reply_markup: new InlineKeyboard().text(t("access-renew"), menuData("topup")) },
      );
    },
    async tellEnded({ botId, user, subscription }) {
      const t = translatorFor(user);
      const api = await botApis.apiFor(botId);
      await api.sendMessage(user.telegramId, t("access-expired", { title: subscription.title }), {
        reply_markup: new InlineKeyboard().text(t("access-renew"), menuData("topup")),
      });
    },
  };
}

/**
 * Every minute: the access sweep (reminders, expiry, removal from the plan's chats), a core verb
 * that any number of workers can run at once. What failed is logged; core gave its claims back,
 * so the next run tries again.
 */
export const accessSweepJob = (deps: {
  core: CoreContext;
  botApis: BotApis;
  logger: Logger;
  reminderDays: number[];
  graceMs: number;
}): JobDefinition => ({
  name: "access-sweep",
  cron: "* * * * *",
  async handler() {
    const port = telegramAccessPort(deps.botApis, deps.logger);
    const { failures, ...counts } = await sweepAccess(deps.core, port, {
      reminderDays: deps.reminderDays,
      graceMs: deps.graceMs,
    });
    for (const failure of failures) {
      deps.logger.warn(
        { err: failure.error, subscription: failure.subscriptionId, step: failure.step },
        "access sweep step failed; reminders and removals are tried again by the next sweep",
      );
    }
    return { ...counts, failed: failures.length };
  },
});
