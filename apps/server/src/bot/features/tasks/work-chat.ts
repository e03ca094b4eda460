import {
  type Actor,
  completeTask,
  findOperatorByTelegramId,
  findTaskMessage,
  getBot,
  getTaskBrief,
  handOverTask,
  isLumenError,
  listLinkedAssistants,
  postAssistantTaskMessage,
  rememberTaskMessage,
  type TaskBrief,
  takeTask,
} from "@lumen/core";
import { createTranslator } from "@lumen/locales";
import { Composer, type Filter, InlineKeyboard } from "grammy";
import type { BotContext } from "../../context.ts";
import { handToData, handToPattern, taskActionData, taskActionPattern } from "./task-callback-data.ts";
import { renderTaskCard } from "./task-card.ts";
import { messageParts } from "./task-format.ts";

/** The operator pressing or writing, as a core actor; null when their Telegram is not linked. */
async function operatorActor(ctx: BotContext): Promise<Actor | null> {
  if (!ctx.from) return null;
  const operator = await findOperatorByTelegramId(ctx.services.core, ctx.from.id);
  return operator ? { type: "admin", id: operator.id, role: operator.role } : null;
}

/** A refusal the assistant can act on, instead of the generic apology. */
function refusalKey(error: unknown): string | null {
  if (!isLumenError(error)) return null;
  if (error.details.reason === "TASK_TAKEN") return "task-taken-by-other";
  if (error.code === "FORBIDDEN") return "task-not-yours";
  if (error.code === "CONFLICT") return "task-closed";
  return null;
}

/** Edits the card the button was on to the task's current state, in the operators' language (the notify job does too). */
async function refreshCardHere(ctx: BotContext, brief: TaskBrief): Promise<void> {
  const bot = await getBot(ctx.services.core, ctx.lumenBot.id);
  const view = renderTaskCard(createTranslator(bot.noticeLocale), brief);
  await ctx.editMessageText(view.text, { reply_markup: view.reply_markup }).catch(() => undefined);
}

export const workChatFeature = new Composer<BotContext>();

workChatFeature.callbackQuery(taskActionPattern("take"), async (ctx) => {
  const actor = await operatorActor(ctx);
  if (!actor)
    return void (await ctx.answerCallbackQuery({ text: ctx.t("task-not-linked"), show_alert: true }));
  const taskId = ctx.match[1] as string;
  try {
    await takeTask(ctx.services.core, actor, { taskId });
  } catch (error) {
    const key = refusalKey(error);
    if (!key) throw error;
    await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true });
    await refreshCardHere(ctx, await getTaskBrief(ctx.services.core, taskId));
    return;
  }
  await ctx.answerCallbackQuery();
  const brief = await getTaskBrief(ctx.services.core, taskId);
  await refreshCardHere(ctx, brief);
});

/** "Ask for details" and "Done": a prompt the assistant answers by replying to it. */
for (const action of ["ask", "done"] as const) {
  workChatFeature.callbackQuery(taskActionPattern(action), async (ctx) => {
    const actor = await operatorActor(ctx);
    if (!actor)
      return void (await ctx.answerCallbackQuery({ text: ctx.t("task-not-linked"), show_alert: true }));
    await ctx.answerCallbackQuery();
    const chatId = ctx.chat?.id;
    if (chatId === undefined) return;
    const prompt = await ctx.reply(ctx.t(action === "ask" ? "task-ask-prompt" : "task-done-prompt"), {
      reply_markup: { force_reply: true, selective: true },
      ...(ctx.callbackQuery.message
        ? {
            reply_parameters: {
              message_id: ctx.callbackQuery.message.message_id,
              allow_sending_without_reply: true,
            },
          }
        : {}),
    });
    await rememberTaskMessage(ctx.services.core, {
      chatId,
      messageId: prompt.message_id,
      taskId: ctx.match[1] as string,
      kind: action,
    });
  });
}

/** "Hand over": the linked assistants to give the task to, or back to the work chat for anyone. */
workChatFeature.callbackQuery(taskActionPattern("hand"), async (ctx) => {
  const actor = await operatorActor(ctx);
  if (!actor)
    return void (await ctx.answerCallbackQuery({ text: ctx.t("task-not-linked"), show_alert: true }));
  await ctx.answerCallbackQuery();
  const taskId = ctx.match[1] as string;
  const keyboard = new InlineKeyboard();
  for (const colleague of await listLinkedAssistants(ctx.services.core.db)) {
    if (colleague.id === actor.id || colleague.telegramUserId === null) continue;
    keyboard.text(colleague.email, handToData(taskId, colleague.telegramUserId)).row();
  }
  keyboard.text(ctx.t("task-hand-anyone"), taskActionData("free", taskId));
  await ctx.reply(ctx.t("task-hand-to"), { reply_markup: keyboard });
});

async function handOver(ctx: BotContext, taskId: string, toTelegramId: number | null): Promise<void> {
  const actor = await operatorActor(ctx);
  if (!actor)
    return void (await ctx.answerCallbackQuery({ text: ctx.t("task-not-linked"), show_alert: true }));
  const to = toTelegramId === null ? null : await findOperatorByTelegramId(ctx.services.core, toTelegramId);
  try {
    await handOverTask(ctx.services.core, actor, { taskId, toAssigneeId: to?.id ?? null });
  } catch (error) {
    const key = refusalKey(error);
    if (!key) throw error;
    return void (await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true }));
  }
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await ctx.reply(to ? ctx.t("task-handed-to", { assistant: to.email }) : ctx.t("task-handed-over"));
}

workChatFeature.callbackQuery(taskActionPattern("free"), (ctx) =>
  handOver(ctx, ctx.match[1] as string, null),
);
workChatFeature.callbackQuery(handToPattern, (ctx) =>
  handOver(ctx, ctx.match[1] as string, Number(ctx.match[2])),
);

type MessageContext = Filter<BotContext, "message">;

/**
 * An assistant replying to a task's message (the card, a relayed message, a prompt) in the work
 * chat or in their private chat writes to the subscriber: a question, the result, or a message.
 */
async function replyToTask(ctx: MessageContext, next: () => Promise<void>): Promise<void> {
  const replyTo = ctx.message.reply_to_message;
  if (!replyTo || ctx.message.text?.startsWith("/")) return next();
  const target = await findTaskMessage(ctx.services.core, ctx.chat.id, replyTo.message_id);
  if (!target || target.kind === "comment") return next();
  const actor = await operatorActor(ctx);
  if (!actor) return next();
  const brief = await getTaskBrief(ctx.services.core, target.taskId);
  // A subscriber who is also an operator answers their own task as the subscriber.
  if (ctx.chat.type === "private" && brief.task.userId === ctx.user?.id) return next();
  const parts = messageParts(ctx.message);
  const attachments = parts.attachment ? [parts.attachment] : [];
  try {
    if (target.kind === "done") {
      await completeTask(ctx.services.core, actor, { taskId: target.taskId, result: parts.text || "📎" });
      await ctx.reply(ctx.t("task-marked-done"));
      return;
    }
    await postAssistantTaskMessage(ctx.services.core, actor, {
      taskId: target.taskId,
      text: parts.text,
      attachments,
      ask: target.kind === "ask",
    });
    await ctx.reply(ctx.t("task-sent"), { reply_parameters: { message_id: ctx.message.message_id } });
  } catch (error) {
    const key = refusalKey(error);
    if (!key) throw error;
    await ctx.reply(ctx.t(key));
  }
}

workChatFeature.on(["message:text", "message:photo", "message:document", "message:voice"], (ctx, next) =>
  replyToTask(ctx, next),
);
