import {
  type CoreContext,
  claimSubscriptionNotice,
  expireSubscriptions,
  getUser,
  leaseAccessRevocation,
  listDueReminders,
  markAccessRevoked,
  recordAccessEvent,
  releaseSubscriptionNotice,
} from "@lumen/core";
import type { SubscriptionRow, UserRow } from "@lumen/db";
import { createTranslator, isLocale, resolveLocale } from "@lumen/locales";
import { type Api, InlineKeyboard } from "grammy";
import type { Logger } from "pino";
import type { BotApis } from "../bot/bot-apis.ts";
import { menuData } from "../bot/callback-data.ts";
import type { JobDefinition } from "./job-runner.ts";

const LEASE_MS = 5 * 60_000;
const day = (date: Date) => date.toISOString().slice(0, 10);
const translatorFor = (user: UserRow) =>
  createTranslator(user.locale && isLocale(user.locale) ? user.locale : resolveLocale(user.languageCode));

/** Removes an ended subscriber from each chat of the plan; owners and admins are never removed. */
async function removeFromChats(
  api: Api,
  user: UserRow,
  subscription: SubscriptionRow,
  log: Logger,
): Promise<number[]> {
  const removed: number[] = [];
  for (const chatId of subscription.channelIds) {
    const member = await api.getChatMember(chatId, user.telegramId).catch(() => undefined);
    if (!member || ["creator", "administrator", "left", "kicked"].includes(member.status)) continue;
    // Ban then unban: out of the chat now, but free to come back after renewing.
    await api.banChatMember(chatId, user.telegramId);
    await api.unbanChatMember(chatId, user.telegramId, { only_if_banned: true });
    log.info({ chatId, user: user.telegramId, subscription: subscription.id }, "removed an ended subscriber");
    removed.push(chatId);
  }
  return removed;
}

/**
 * Every minute: reminders before plans end, then expiry after the grace period, then removal
 * from the plan's chats with a message to the user. Each step is claimed in the database first,
 * so two workers running this at once still remind, remove and tell exactly once.
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
    const { db } = deps.core;
    const now = deps.core.clock.now();
    let reminded = 0;
    let removed = 0;
    for (const { subscription, daysBefore } of await listDueReminders(db, {
      now,
      daysBefore: deps.reminderDays,
    })) {
      if (!subscription.botId) continue;
      const claim = {
        subscriptionId: subscription.id,
        kind: "reminder" as const,
        daysBefore,
        endsAt: subscription.endsAt,
      };
      if (!(await claimSubscriptionNotice(db, { ...claim, now }))) continue;
      try {
        const user = await getUser(db, subscription.userId);
        const t = translatorFor(user);
        const daysLeft = Math.max(1, Math.ceil((subscription.endsAt.getTime() - now.getTime()) / 86_400_000));
        const api = await deps.botApis.apiFor(subscription.botId);
        await api.sendMessage(
          user.telegramId,
          t("access-reminder", {
            title: subscription.title,
            until: day(subscription.endsAt),
            days: daysLeft,
          }),
          {
            reply_markup: new InlineKeyboard().text(t("access-renew"), menuData("topup")),
          },
        );
        reminded++;
      } catch (error) {
        await releaseSubscriptionNotice(db, claim);
        deps.logger.warn({ err: error, subscription: subscription.id }, "reminder not sent; will retry");
        continue;
      }
      await recordAccessEvent(deps.core, { kind: "reminder_sent", subscription, daysBefore });
    }
    const expired = await expireSubscriptions(db, { now, graceMs: deps.graceMs });
    for (const subscription of await leaseAccessRevocation(db, { now, leaseMs: LEASE_MS })) {
      if (!subscription.botId) continue;
      const user = await getUser(db, subscription.userId);
      const api = await deps.botApis.apiFor(subscription.botId);
      const removedChatIds = await removeFromChats(api, user, subscription, deps.logger);
      await recordAccessEvent(deps.core, { kind: "access_ended", subscription, removedChatIds });
      await markAccessRevoked(db, { subscriptionId: subscription.id, now });
      removed++;
      const notice = {
        subscriptionId: subscription.id,
        kind: "expired" as const,
        daysBefore: 0,
        endsAt: subscription.endsAt,
        now,
      };
      if (await claimSubscriptionNotice(db, notice)) {
        const t = translatorFor(user);
        await api
          .sendMessage(user.telegramId, t("access-expired", { title: subscription.title }), {
            reply_markup: new InlineKeyboard().text(t("access-renew"), menuData("topup")),
          })
          .catch((error: unknown) =>
            deps.logger.warn({ err: error }, "could not tell the user their plan ended"),
          );
      }
    }
    return { reminded, expired: expired.length, removed };
  },
});
