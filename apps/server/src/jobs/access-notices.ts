import {
  type BotTextCache,
  type CoreContext,
  createBotTextCache,
  parseJobPayload,
  readAccessNotice,
} from "@lumen/core";
import type { UserRow } from "@lumen/db";
import { isLocale, resolveLocale } from "@lumen/locales";
import { InlineKeyboard } from "grammy";
import type { BotApis } from "../bot/bot-apis.ts";
import { menuData } from "../bot/callback-data.ts";
import type { JobDefinition } from "./job-runner.ts";

const day = (date: Date) => date.toISOString().slice(0, 10);
/** The member's language, with the edits operators made to the texts of the plan's bot. */
const translatorFor = async (texts: BotTextCache, botId: string, user: UserRow) =>
  (await texts.translatorsFor(botId))(
    user.locale && isLocale(user.locale) ? user.locale : resolveLocale(user.languageCode),
  );

/**
 * "Your plan ends in N days", in the member's language, through the plan's bot. Queued by the
 * access sweep with the reminder's claim; a plan renewed since (a new end date) is not reminded.
 */
export const accessReminderJob = (deps: { core: CoreContext; botApis: BotApis }): JobDefinition => {
  const texts = createBotTextCache(deps.core);
  return {
    name: "access.send-reminder",
    async handler(data) {
      const payload = parseJobPayload("access.send-reminder", data);
      const notice = await readAccessNotice(deps.core, { ...payload, requireSameEnd: true });
      if (!notice) return { subscriptionId: payload.subscriptionId, skipped: "renewed or gone" };
      const { user, subscription } = notice;
      const t = await translatorFor(texts, notice.botId, user);
      const api = await deps.botApis.apiFor(notice.botId);
      await api.sendMessage(
        user.telegramId,
        t("access-reminder", {
          title: subscription.title,
          until: day(subscription.endsAt),
          days: payload.daysLeft,
        }),
        { reply_markup: new InlineKeyboard().text(t("access-renew"), menuData("topup")) },
      );
      return { subscriptionId: subscription.id, daysBefore: payload.daysBefore };
    },
  };
};

/**
 * "Your plan has ended", queued in the transaction that recorded the plan's access revoked, so
 * a sweeper killed after the revocation still has it sent (and a retried sweep queues no second).
 */
export const accessEndedNoticeJob = (deps: { core: CoreContext; botApis: BotApis }): JobDefinition => {
  const texts = createBotTextCache(deps.core);
  return {
    name: "access.send-ended-notice",
    async handler(data) {
      const payload = parseJobPayload("access.send-ended-notice", data);
      const notice = await readAccessNotice(deps.core, { ...payload, requireSameEnd: false });
      if (!notice) return { subscriptionId: payload.subscriptionId, skipped: "gone" };
      const { user, subscription } = notice;
      const t = await translatorFor(texts, notice.botId, user);
      const api = await deps.botApis.apiFor(notice.botId);
      await api.sendMessage(user.telegramId, t("access-expired", { title: subscription.title }), {
        reply_markup: new InlineKeyboard().text(t("access-renew"), menuData("topup")),
      });
      return { subscriptionId: subscription.id };
    },
  };
};
