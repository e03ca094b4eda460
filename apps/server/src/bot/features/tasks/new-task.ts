import {
  discardTaskDraft,
  getTaskDraft,
  isLumenError,
  listTaskAllowances,
  nextTaskAllowance,
  startTaskDraft,
  submitTaskDraft,
  type TaskAllowance,
  updateTaskDraft,
} from "@lumen/core";
import type { TaskDraftRow } from "@lumen/db";
import { Composer, InlineKeyboard } from "grammy";
import { menuData } from "../../callback-data.ts";
import type { BotContext } from "../../context.ts";
import {
  type DeadlineChoice,
  deadlineData,
  deadlineDataPattern,
  draftCreateData,
  draftDiscardData,
  draftNextData,
  newTaskData,
  priorityData,
  priorityDataPattern,
} from "./task-callback-data.ts";
import { formatDeadline, taskTitle, taskZoneOf } from "./task-format.ts";

const HOUR = 3_600_000;
const deadlineOffsets: Record<DeadlineChoice, number | null> = {
  "3h": 3 * HOUR,
  "24h": 24 * HOUR,
  "3d": 72 * HOUR,
  none: null,
};

const plansKeyboard = (ctx: BotContext) =>
  new InlineKeyboard().text(ctx.t("task-see-plans"), menuData("topup"));
const draftKey = (ctx: BotContext) => ({ userId: ctx.user?.id ?? "", botId: ctx.lumenBot.id });

/** Says why no task can be made now, with the plans to buy; false when one can. */
async function refuseWithoutQuota(ctx: BotContext, allowances: TaskAllowance[]): Promise<boolean> {
  if (nextTaskAllowance(allowances)) return false;
  const [first] = allowances;
  const text = first
    ? ctx.t("task-quota-exhausted", { total: first.tasksPerPeriod, plan: first.title })
    : ctx.t("task-no-plan");
  await ctx.reply(text, { reply_markup: plansKeyboard(ctx) });
  return true;
}

/** /task and the "New task" button: checks the plan, then asks for the description. */
export async function startNewTask(ctx: BotContext): Promise<void> {
  if (!ctx.user) return;
  const allowances = await listTaskAllowances(
    ctx.services.core.db,
    ctx.user.id,
    ctx.services.core.clock.now(),
  );
  if (await refuseWithoutQuota(ctx, allowances)) return;
  await startTaskDraft(ctx.services.core, draftKey(ctx));
  const left = allowances.reduce((sum, a) => sum + a.tasksLeft, 0);
  await ctx.reply(ctx.t("task-write", { left }), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("task-next"), draftNextData)
      .text(ctx.t("task-discard"), draftDiscardData),
  });
}

export async function askDeadline(ctx: BotContext): Promise<void> {
  const keyboard = new InlineKeyboard()
    .text(ctx.t("task-deadline-3h"), deadlineData("3h"))
    .text(ctx.t("task-deadline-24h"), deadlineData("24h"))
    .row()
    .text(ctx.t("task-deadline-3d"), deadlineData("3d"))
    .text(ctx.t("task-deadline-none"), deadlineData("none"));
  await ctx.reply(ctx.t("task-deadline-ask", { zone: await taskZoneOf(ctx) }), { reply_markup: keyboard });
}

async function showConfirm(ctx: BotContext, draft: TaskDraftRow): Promise<void> {
  await ctx.reply(
    ctx.t("task-confirm", {
      text: draft.text || "📎",
      files: draft.attachments.length,
      deadline: formatDeadline(ctx, draft.deadline, await taskZoneOf(ctx)),
      priority: ctx.t("task-priority-name", { priority: draft.priority }),
    }),
    {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("task-create"), draftCreateData)
        .row()
        .text(ctx.t("task-discard"), draftDiscardData),
    },
  );
}

/** After the deadline: priority for plans that allow it, else straight to the summary. */
export async function afterDeadline(ctx: BotContext, deadline: Date | null): Promise<void> {
  if (!ctx.user) return;
  const allowances = await listTaskAllowances(
    ctx.services.core.db,
    ctx.user.id,
    ctx.services.core.clock.now(),
  );
  const priority = nextTaskAllowance(allowances)?.priorityAllowed === true;
  const draft = await updateTaskDraft(ctx.services.core, draftKey(ctx), {
    step: priority ? "priority" : "confirm",
    deadline,
  });
  if (!draft) return;
  if (!priority) return showConfirm(ctx, draft);
  await ctx.reply(ctx.t("task-priority-ask"), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("task-priority-normal"), priorityData("normal"))
      .text(ctx.t("task-priority-high"), priorityData("high")),
  });
}

export const newTaskFeature = new Composer<BotContext>();
const privateChats = newTaskFeature.chatType("private");

privateChats.command("task", (ctx) => startNewTask(ctx));
privateChats.callbackQuery(newTaskData, async (ctx) => {
  await ctx.answerCallbackQuery();
  await startNewTask(ctx);
});

privateChats.callbackQuery(draftNextData, async (ctx) => {
  const draft = await getTaskDraft(ctx.services.core, draftKey(ctx));
  if (!draft || (draft.step === "text" && !draft.text && draft.attachments.length === 0)) {
    await ctx.answerCallbackQuery({ text: ctx.t("task-write-first") });
    return;
  }
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await updateTaskDraft(ctx.services.core, draftKey(ctx), { step: "deadline" });
  await askDeadline(ctx);
});

privateChats.callbackQuery(deadlineDataPattern, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  const offset = deadlineOffsets[ctx.match[1] as DeadlineChoice];
  await afterDeadline(
    ctx,
    offset === null ? null : new Date(ctx.services.core.clock.now().getTime() + offset),
  );
});

privateChats.callbackQuery(priorityDataPattern, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  const draft = await updateTaskDraft(ctx.services.core, draftKey(ctx), {
    step: "confirm",
    priority: ctx.match[1] as "normal" | "high",
  });
  if (draft) await showConfirm(ctx, draft);
});

privateChats.callbackQuery(draftDiscardData, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await discardTaskDraft(ctx.services.core, draftKey(ctx));
  await ctx.reply(ctx.t("task-discarded"));
});

privateChats.callbackQuery(draftCreateData, async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!ctx.user) return;
  try {
    const task = await submitTaskDraft(ctx.services.core, draftKey(ctx));
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    if (task) await ctx.reply(ctx.t("task-created", { title: taskTitle(task.text) }));
  } catch (error) {
    if (!isLumenError(error)) throw error;
    if (error.code === "FORBIDDEN" && error.details.reason) {
      const allowances = await listTaskAllowances(
        ctx.services.core.db,
        ctx.user.id,
        ctx.services.core.clock.now(),
      );
      if (await refuseWithoutQuota(ctx, allowances)) return;
    }
    if (error.code === "VALIDATION_FAILED" && error.details.field === "deadline") {
      await updateTaskDraft(ctx.services.core, draftKey(ctx), { step: "deadline", deadline: null });
      await askDeadline(ctx);
      return;
    }
    throw error;
  }
});
