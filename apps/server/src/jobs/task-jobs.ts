import {
  type CoreContext,
  claimTaskNotices,
  findTaskCard,
  getBot,
  getTaskBrief,
  getTaskMessage,
  getTaskNotice,
  getTaskSettings,
  markTaskNoticeSent,
  parseJobPayload,
  rememberTaskMessage,
  type TaskBrief,
} from "@lumen/core";
import type { TaskAttachment } from "@lumen/db";
import { createTranslator, isLocale, resolveLocale, type Translate } from "@lumen/locales";
import type { Api } from "grammy";
import type { BotApis } from "../bot/bot-apis.ts";
import { doneKeyboard } from "../bot/features/tasks/my-tasks.ts";
import { deadlineText, renderTaskCard, workKeyboard } from "../bot/features/tasks/task-card.ts";
import { sendAttachments, taskTitle } from "../bot/features/tasks/task-format.ts";
import type { JobDefinition } from "./job-runner.ts";

type Deps = { core: CoreContext; botApis: BotApis; adminChatId: number | undefined };

const subscriberT = (brief: TaskBrief): Translate => {
  const { locale, languageCode } = brief.subscriber;
  return createTranslator(locale && isLocale(locale) ? locale : resolveLocale(languageCode));
};

/** The work chat of the task's bot and the operators' language; null when none is set. */
async function workChatOf(deps: Deps, botId: string) {
  const settings = await getTaskSettings(deps.core, botId);
  const bot = await getBot(deps.core, botId);
  return { chatId: settings.workChatId, t: createTranslator(bot.noticeLocale), bot };
}

/** Edits the card to the task's current state; "not modified" (a retry) is fine. */
async function refreshCard(deps: Deps, api: Api, brief: TaskBrief, t: Translate): Promise<void> {
  const card = await findTaskCard(deps.core, brief.task.id);
  if (!card) return;
  const view = renderTaskCard(t, brief);
  await api
    .editMessageText(card.chatId, card.messageId, view.text, { reply_markup: view.reply_markup })
    .catch((error: unknown) => {
      if (!String(error).includes("message is not modified")) throw error;
    });
}

/** Remembers a relayed message (and sends its files under it), so a reply to either reaches the task. */
async function relayed(
  deps: Deps,
  api: Api,
  chatId: number,
  messageId: number,
  taskId: string,
  attachments: TaskAttachment[],
): Promise<void> {
  await rememberTaskMessage(deps.core, { chatId, messageId, taskId, kind: "message" });
  for (const id of await sendAttachments(api, chatId, attachments, messageId)) {
    await rememberTaskMessage(deps.core, { chatId, messageId: id, taskId, kind: "message" });
  }
}

/** The task, its files and the work buttons in its assistant's private chat (when their Telegram is linked). */
async function sendToAssistant(deps: Deps, api: Api, brief: TaskBrief, t: Translate): Promise<void> {
  if (brief.assigneeTelegramId === null || brief.task.status === "new") return;
  const view = renderTaskCard(t, brief);
  const sent = await api.sendMessage(brief.assigneeTelegramId, `${view.text}\n\n${t("task-taken-you")}`, {
    reply_markup: workKeyboard(t, brief.task.id),
  });
  await relayed(deps, api, brief.assigneeTelegramId, sent.message_id, brief.task.id, brief.task.attachments);
}

/** Posts a new task's card with "Take" (and its files under it) to the bot's work chat, once. */
export const postTaskCardJob = (deps: Deps): JobDefinition => ({
  name: "tasks.post-card",
  async handler(data) {
    const { taskId } = parseJobPayload("tasks.post-card", data);
    const brief = await getTaskBrief(deps.core, taskId);
    if (!brief.task.botId) return { taskId, skipped: "no bot" };
    if (await findTaskCard(deps.core, taskId)) return { taskId, skipped: "posted already" };
    const work = await workChatOf(deps, brief.task.botId);
    if (work.chatId === null) return { taskId, skipped: "no work chat" };
    const api = await deps.botApis.apiFor(brief.task.botId);
    const view = renderTaskCard(work.t, brief);
    const card = await api.sendMessage(work.chatId, view.text, { reply_markup: view.reply_markup });
    await rememberTaskMessage(deps.core, {
      chatId: work.chatId,
      messageId: card.message_id,
      taskId,
      kind: "card",
    });
    for (const id of await sendAttachments(api, work.chatId, brief.task.attachments, card.message_id)) {
      await rememberTaskMessage(deps.core, { chatId: work.chatId, messageId: id, taskId, kind: "message" });
    }
    return { taskId, posted: card.message_id };
  },
});

/**
 * Tells the other side of a task what happened: the subscriber hears of the assistant's
 * messages, questions, done; the work chat of the subscriber's messages, reopenings and ratings.
 * Relayed messages are remembered, so a reply to one writes back to the task.
 */
export const taskNotifyJob = (deps: Deps): JobDefinition => ({
  name: "tasks.notify",
  async handler(data) {
    const { taskId, event, ref } = parseJobPayload("tasks.notify", data);
    const brief = await getTaskBrief(deps.core, taskId);
    const botId = brief.task.botId;
    if (!botId) return { taskId, skipped: "no bot" };
    const api = await deps.botApis.apiFor(botId);
    const work = await workChatOf(deps, botId);
    const ts = subscriberT(brief);
    const to = brief.subscriber.telegramId;
    const title = taskTitle(brief.task.text);
    const card = await findTaskCard(deps.core, taskId);
    const toWorkChat = async (text: string) => {
      if (!card) return undefined;
      return api.sendMessage(card.chatId, text, {
        reply_parameters: { message_id: card.messageId, allow_sending_without_reply: true },
      });
    };
    switch (event) {
      case "taken":
        await api.sendMessage(to, ts("task-taken-user", { title }));
        await sendToAssistant(deps, api, brief, work.t);
        break;
      case "message":
      case "waiting": {
        const message = await getTaskMessage(deps.core, ref);
        if (message.authorType === "user") {
          const text = work.t("task-relay-user", { title, text: message.text || "📎" });
          const sent = await toWorkChat(text);
          if (sent && card)
            await relayed(deps, api, card.chatId, sent.message_id, taskId, message.attachments);
          if (brief.assigneeTelegramId !== null) {
            const direct = await api.sendMessage(brief.assigneeTelegramId, text);
            await relayed(
              deps,
              api,
              brief.assigneeTelegramId,
              direct.message_id,
              taskId,
              message.attachments,
            );
          }
          break;
        }
        const key = event === "waiting" ? "task-relay-question" : "task-relay-assistant";
        const sent = await api.sendMessage(to, ts(key, { title, text: message.text || "📎" }));
        await relayed(deps, api, to, sent.message_id, taskId, message.attachments);
        break;
      }
      case "done":
        await api.sendMessage(to, ts("task-done-user", { title, result: brief.task.result ?? "" }), {
          reply_markup: doneKeyboard(ts, taskId),
        });
        break;
      case "reopened":
        await toWorkChat(work.t("task-reopened-assistant", { title }));
        break;
      case "rated":
        await toWorkChat(
          work.t("task-rated-assistant", {
            title,
            rating: brief.task.rating ?? 0,
            comment: brief.task.ratingComment ?? "",
          }),
        );
        break;
      case "cancelled":
        await api.sendMessage(to, ts("task-cancelled-user", { title }));
        break;
      case "handed_over":
        await sendToAssistant(deps, api, brief, work.t);
        break;
    }
    await refreshCard(deps, api, brief, work.t);
    return { taskId, event };
  },
});

/** Every minute: claims the due reminders and alerts (each once, whatever the number of workers). */
export const taskNoticesSweepJob = (deps: Deps): JobDefinition => ({
  name: "tasks.sweep-notices",
  cron: "* * * * *",
  async handler() {
    const claimed = await claimTaskNotices(deps.core);
    return { claimed: claimed.length };
  },
});

/**
 * Sends one claimed notice: a deadline reminder to the task's work chat thread, an overdue or
 * untaken alert to the admins' chat. Marked sent first: a second run sends nothing.
 */
export const taskNoticeJob = (deps: Deps): JobDefinition => ({
  name: "tasks.send-notice",
  async handler(data) {
    const { noticeId } = parseJobPayload("tasks.send-notice", data);
    const notice = await getTaskNotice(deps.core, noticeId);
    if (!notice) return { noticeId, skipped: "gone" };
    const brief = await getTaskBrief(deps.core, notice.taskId);
    if (!brief.task.botId) return { noticeId, skipped: "no bot" };
    if (!(await markTaskNoticeSent(deps.core, noticeId))) return { noticeId, skipped: "sent already" };
    const api = await deps.botApis.apiFor(brief.task.botId);
    const work = await workChatOf(deps, brief.task.botId);
    const title = taskTitle(brief.task.text);
    const assistant = brief.assigneeEmail ?? work.t("task-nobody");
    if (notice.kind === "reminder") {
      const card = await findTaskCard(deps.core, brief.task.id);
      if (!card) return { noticeId, skipped: "no card" };
      await api.sendMessage(
        card.chatId,
        work.t("task-reminder", { title, deadline: deadlineText(work.t, notice.dueAt) }),
        {
          reply_parameters: { message_id: card.messageId, allow_sending_without_reply: true },
        },
      );
      return { noticeId, kind: notice.kind };
    }
    const adminChat = work.bot.noticeChatId ?? deps.adminChatId;
    if (adminChat === undefined || adminChat === null) return { noticeId, skipped: "no admin chat" };
    const text =
      notice.kind === "overdue"
        ? work.t("task-alert-overdue", { title, deadline: deadlineText(work.t, notice.dueAt), assistant })
        : work.t("task-alert-untaken", { title, since: deadlineText(work.t, notice.dueAt) });
    await api.sendMessage(adminChat, text);
    return { noticeId, kind: notice.kind };
  },
});

export const taskJobs = (deps: Deps): JobDefinition[] => [
  postTaskCardJob(deps),
  taskNotifyJob(deps),
  taskNoticesSweepJob(deps),
  taskNoticeJob(deps),
];
