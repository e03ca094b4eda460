import {
  type CoreContext,
  listBots,
  listLiveEnrollmentInvites,
  parseJobPayload,
  readEnrollmentGrant,
} from "@lumen/core";
import { createTranslator, isLocale, resolveLocale } from "@lumen/locales";
import { InlineKeyboard } from "grammy";
import { issuePersonalInvite } from "../access/issue-chat-invites.ts";
import type { BotApis } from "../bot/bot-apis.ts";
import { askTimezone } from "../bot/features/courses/course-page.ts";
import type { JobDefinition } from "./job-runner.ts";

/**
 * After a course is paid: the welcome (or "you are now on FEEDBACK" for an upgrade), the time
 * zone question for a new student, and personal invite links to the chats the tariff opens
 * (one person each, for a day, kept in chat_invites as the paid-access links are). Queued by the settlement's
 * transaction, once per order; the first lesson comes with the next delivery run.
 */
export const courseOnboardingJob = (deps: { core: CoreContext; botApis: BotApis }): JobDefinition => ({
  name: "courses.send-onboarding",
  async handler(data) {
    const { orderId } = parseJobPayload("courses.send-onboarding", data);
    const view = await readEnrollmentGrant(deps.core.db, orderId);
    if (!view) return { orderId, skipped: "no course place for this order" };
    if (view.grant.reversedAt) return { orderId, skipped: "refunded before onboarding" };
    const { grant, enrollment, course, student } = view;
    const botId =
      course.botId ?? student.botId ?? (await listBots(deps.core)).find((b) => b.enabled)?.id ?? undefined;
    if (!botId) return { orderId, skipped: "no bot" };
    const api = await deps.botApis.apiFor(botId);
    const locale =
      student.locale && isLocale(student.locale) ? student.locale : resolveLocale(student.languageCode);
    const t = createTranslator(locale);
    if (grant.fromTariff === null) {
      await api.sendMessage(
        student.telegramId,
        t("course-welcome", { title: course.title, tariff: grant.toTariff }),
      );
      const ask = askTimezone(t, enrollment);
      await api.sendMessage(student.telegramId, ask.text, { reply_markup: ask.keyboard });
    } else if (grant.fromTariff !== grant.toTariff) {
      await api.sendMessage(
        student.telegramId,
        t("course-upgraded", { title: course.title, tariff: grant.toTariff }),
      );
    }
    if (!view.newChatIds.length) return { orderId, invites: 0 };
    const rows = [];
    for (const chatId of view.newChatIds) {
      // A retry (Telegram failed after some links were made) sends the links already made.
      const [live] = await listLiveEnrollmentInvites(deps.core.db, {
        enrollmentId: enrollment.id,
        chatId,
        now: deps.core.clock.now(),
      });
      const [chat, link] = await Promise.all([
        api.getChat(chatId),
        live?.inviteLink ??
          issuePersonalInvite(deps.core, api, {
            owner: { enrollmentId: enrollment.id },
            userId: student.id,
            botId,
            chatId,
            name: `Course ${orderId.slice(0, 8)}`,
          }),
      ]);
      const title = "title" in chat && chat.title ? chat.title : String(chatId);
      rows.push([InlineKeyboard.url(t("course-chat-join", { title }), link)]);
    }
    const keyboard = InlineKeyboard.from(rows);
    await api.sendMessage(student.telegramId, t("course-chats"), { reply_markup: keyboard });
    return { orderId, invites: view.newChatIds.length };
  },
});
