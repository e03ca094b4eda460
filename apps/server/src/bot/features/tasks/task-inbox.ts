import {
  addToTaskDraft,
  findOpenUserTask,
  findTaskMessage,
  getTaskDraft,
  getUserTask,
  getUserTaskMessage,
  isLumenError,
  parseTaskDeadline,
  postUserTaskMessage,
  rateTask,
} from "@lumen/core";
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../context.ts";
import { answerQuestion } from "../assistant/ask.ts";
import { afterDeadline } from "./new-task.ts";
import { taskActionData, taskActionPattern } from "./task-callback-data.ts";
import { messageParts, taskTitle, taskZoneOf } from "./task-format.ts";

/** Writes the message to the task's conversation and says where it went. */
async function sendToTask(ctx: BotContext, taskId: string): Promise<void> {
  if (!ctx.user || !ctx.message) return;
  const parts = messageParts(ctx.message);
  try {
    const message = await postUserTaskMessage(ctx.services.core, ctx.user.id, {
      taskId,
      text: parts.text,
      attachments: parts.attachment ? [parts.attachment] : [],
    });
    const { task } = await getUserTask(ctx.services.core, ctx.user.id, taskId);
    const aiOn = ctx.botFeatures.includes("assistant") && parts.text.length > 0;
    await ctx.reply(ctx.t("task-message-sent", { title: taskTitle(task.text) }), {
      ...(aiOn
        ? {
            reply_markup: new InlineKeyboard().text(
              ctx.t("task-ask-ai-instead"),
              taskActionData("ai", message.id),
            ),
          }
        : {}),
    });
  } catch (error) {
    if (isLumenError(error) && error.code === "CONFLICT") return void (await ctx.reply(ctx.t("task-closed")));
    if (isLumenError(error) && error.code === "RATE_LIMITED") {
      const seconds = Number(error.details.retryAfterSeconds ?? 60);
      return void (await ctx.reply(ctx.t("task-message-too-many", { seconds })));
    }
    throw error;
  }
}

/**
 * A subscriber's message that belongs to tasks: a reply to a task's message, a part of the task
 * being written, or, while a task is open, a message to its assistant. Anything else goes on
 * (to the AI, or the unhandled answer).
 */
async function routeMessage(ctx: BotContext, next: () => Promise<void>): Promise<void> {
  const message = ctx.message;
  if (!ctx.user || !message || message.text?.startsWith("/")) return next();
  const core = ctx.services.core;
  const replyTo = message.reply_to_message;
  if (replyTo) {
    const target = await findTaskMessage(core, message.chat.id, replyTo.message_id);
    if (target?.kind === "comment") {
      const { task } = await getUserTask(core, ctx.user.id, target.taskId);
      if (task.rating) {
        await rateTask(core, ctx.user.id, {
          taskId: task.id,
          rating: task.rating,
          comment: message.text ?? "",
        });
        await ctx.reply(ctx.t("task-comment-saved"));
        return;
      }
    } else if (target) {
      return sendToTask(ctx, target.taskId);
    }
  }
  const key = { userId: ctx.user.id, botId: ctx.lumenBot.id };
  const draft = await getTaskDraft(core, key);
  if (draft?.step === "text") {
    await addToTaskDraft(core, key, messageParts(message));
    await ctx.reply(ctx.t("task-added"));
    return;
  }
  if (draft?.step === "deadline" && message.text) {
    const zone = await taskZoneOf(ctx);
    const deadline = parseTaskDeadline(message.text, zone);
    if (!deadline || deadline <= core.clock.now())
      return void (await ctx.reply(ctx.t("task-deadline-invalid", { zone })));
    return afterDeadline(ctx, deadline);
  }
  const open = await findOpenUserTask(core, ctx.user.id);
  if (open) return sendToTask(ctx, open.id);
  return next();
}

export const taskInboxFeature = new Composer<BotContext>();
const privateChats = taskInboxFeature.chatType("private");

privateChats.on(["message:text", "message:photo", "message:document", "message:voice"], (ctx, next) =>
  routeMessage(ctx, next),
);

/** "Ask the AI this instead": the message's text goes to the AI as a question too. */
privateChats.callbackQuery(taskActionPattern("ai"), async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!ctx.user) return;
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  const message = await getUserTaskMessage(ctx.services.core, ctx.user.id, ctx.match[1] as string);
  if (!message?.text) return;
  await ctx.reply(ctx.t("task-ai-also"));
  const chatId = ctx.chat.id;
  ctx.services.background.run(() => answerQuestion(ctx, chatId, message.text));
});
