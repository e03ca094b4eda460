import {
  cancelTask,
  getUserTask,
  isLumenError,
  listUserTasks,
  rateTask,
  rememberTaskMessage,
  reopenTask,
} from "@lumen/core";
import type { TaskRow } from "@lumen/db";
import type { Translate } from "@lumen/locales";
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../context.ts";
import {
  myTasksData,
  newTaskData,
  rateData,
  rateDataPattern,
  taskActionData,
  taskActionPattern,
} from "./task-callback-data.ts";
import { formatDeadline, taskTitle, taskZoneOf } from "./task-format.ts";

/** The rating buttons under a done task. */
export const rateKeyboard = (taskId: string) => {
  const keyboard = new InlineKeyboard();
  for (let n = 1; n <= 5; n++) keyboard.text(`${n} ⭐`, rateData(taskId, n));
  return keyboard;
};

/** The keyboard under a done task: confirm (then rate) or reopen. */
export const doneKeyboard = (t: Translate, taskId: string) =>
  new InlineKeyboard()
    .text(t("task-accept"), taskActionData("accept", taskId))
    .text(t("task-reopen"), taskActionData("reopen", taskId));

async function showList(ctx: BotContext): Promise<void> {
  if (!ctx.user) return;
  const tasks = await listUserTasks(ctx.services.core, ctx.user.id, 10);
  if (tasks.length === 0) {
    await ctx.reply(ctx.t("task-list-empty"), {
      reply_markup: new InlineKeyboard().text(ctx.t("menu-new-task"), newTaskData),
    });
    return;
  }
  const keyboard = new InlineKeyboard();
  for (const task of tasks) {
    keyboard
      .text(
        ctx.t("task-line", { title: taskTitle(task.text), status: task.status }),
        taskActionData("open", task.id),
      )
      .row();
  }
  keyboard.text(ctx.t("menu-new-task"), newTaskData);
  await ctx.reply(ctx.t("task-list-title"), { reply_markup: keyboard });
}

function viewText(
  ctx: BotContext,
  task: TaskRow,
  messages: Awaited<ReturnType<typeof getUserTask>>["messages"],
  timezone: string,
) {
  const lines = [
    ctx.t("task-view", {
      text: task.text,
      status: task.status,
      deadline: formatDeadline(ctx, task.deadline, timezone),
    }),
  ];
  if (task.result) lines.push(ctx.t("task-view-result", { result: task.result }));
  if (task.rating) lines.push(ctx.t("task-view-rating", { rating: task.rating }));
  if (messages.length) {
    lines.push("", ctx.t("task-conversation"));
    for (const m of messages.slice(-10)) {
      const who = m.authorType === "user" ? ctx.t("task-from-you") : ctx.t("task-from-assistant");
      lines.push(`${who}: ${m.text || "📎"}`);
    }
  }
  return lines.join("\n");
}

export const myTasksFeature = new Composer<BotContext>();
const privateChats = myTasksFeature.chatType("private");

privateChats.command("tasks", (ctx) => showList(ctx));
privateChats.callbackQuery(myTasksData, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showList(ctx);
});

privateChats.callbackQuery(taskActionPattern("open"), async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!ctx.user) return;
  const { task, messages } = await getUserTask(ctx.services.core, ctx.user.id, ctx.match[1] as string);
  const keyboard = new InlineKeyboard();
  if (task.status === "new") keyboard.text(ctx.t("task-cancel"), taskActionData("cancel", task.id)).row();
  if (task.status === "done" && !task.rating)
    keyboard.text(ctx.t("task-accept"), taskActionData("accept", task.id)).row();
  keyboard.text(ctx.t("task-back"), myTasksData);
  await ctx.reply(viewText(ctx, task, messages, await taskZoneOf(ctx)), { reply_markup: keyboard });
});

privateChats.callbackQuery(taskActionPattern("cancel"), async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!ctx.user) return;
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  try {
    const task = await cancelTask(
      ctx.services.core,
      { type: "user", userId: ctx.user.id },
      ctx.match[1] as string,
    );
    await ctx.reply(ctx.t("task-cancelled", { title: taskTitle(task.text) }));
  } catch (error) {
    if (isLumenError(error) && error.details.reason === "TASK_TAKEN")
      return void (await ctx.reply(ctx.t("task-cancel-taken")));
    if (isLumenError(error) && error.code === "CONFLICT") return void (await ctx.reply(ctx.t("task-closed")));
    throw error;
  }
});

privateChats.callbackQuery(taskActionPattern("accept"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await ctx.reply(ctx.t("task-rate-ask"), { reply_markup: rateKeyboard(ctx.match[1] as string) });
});

privateChats.callbackQuery(taskActionPattern("reopen"), async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!ctx.user) return;
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  try {
    const task = await reopenTask(ctx.services.core, ctx.user.id, ctx.match[1] as string);
    await ctx.reply(ctx.t("task-reopened-user", { title: taskTitle(task.text) }));
  } catch (error) {
    if (isLumenError(error) && error.code === "CONFLICT") return void (await ctx.reply(ctx.t("task-closed")));
    throw error;
  }
});

privateChats.callbackQuery(rateDataPattern, async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!ctx.user) return;
  const taskId = ctx.match[1] as string;
  try {
    await rateTask(ctx.services.core, ctx.user.id, { taskId, rating: Number(ctx.match[2]) });
  } catch (error) {
    if (isLumenError(error) && error.code === "CONFLICT") return void (await ctx.reply(ctx.t("task-closed")));
    throw error;
  }
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  const sent = await ctx.reply(ctx.t("task-rated"), { reply_markup: { force_reply: true } });
  await rememberTaskMessage(ctx.services.core, {
    chatId: sent.chat.id,
    messageId: sent.message_id,
    taskId,
    kind: "comment",
  });
});
