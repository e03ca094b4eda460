import type { TaskBrief } from "@lumen/core";
import type { Translate } from "@lumen/locales";
import { InlineKeyboard } from "grammy";
import { taskActionData } from "./task-callback-data.ts";

const deadlineText = (t: Translate, deadline: Date | null) =>
  deadline ? `${deadline.toISOString().slice(0, 16).replace("T", " ")} UTC` : t("task-no-deadline");

/** Who a subscriber is, for assistants: their name and @username, never more. */
export const subscriberName = (brief: TaskBrief) =>
  brief.subscriber.username
    ? `${brief.subscriber.firstName} (@${brief.subscriber.username})`
    : brief.subscriber.firstName;

/** The buttons of a task an assistant works on. */
export const workKeyboard = (t: Translate, taskId: string) =>
  new InlineKeyboard()
    .text(t("task-ask-details"), taskActionData("ask", taskId))
    .text(t("task-mark-done"), taskActionData("done", taskId))
    .row()
    .text(t("task-hand-over"), taskActionData("hand", taskId));

/**
 * The task's card in the assistants' work chat, as its state stands: "Take" while new, then who
 * took it (with the work buttons), done or cancelled.
 */
export function renderTaskCard(
  t: Translate,
  brief: TaskBrief,
): { text: string; reply_markup: InlineKeyboard } {
  const { task } = brief;
  const lines = [
    t("task-card", {
      user: subscriberName(brief),
      text: task.text,
      deadline: deadlineText(t, task.deadline),
      priority: t("task-priority-name", { priority: task.priority }),
      files: task.attachments.length,
    }),
  ];
  const assistant = brief.assigneeEmail ?? t("task-nobody");
  let keyboard = new InlineKeyboard();
  if (task.status === "new") keyboard = keyboard.text(t("task-take"), taskActionData("take", task.id));
  else if (task.status === "done") lines.push(t("task-card-done", { assistant }));
  else if (task.status === "cancelled") lines.push(t("task-card-cancelled"));
  else {
    lines.push(t("task-card-taken", { assistant }));
    keyboard = workKeyboard(t, task.id);
  }
  return { text: lines.join("\n"), reply_markup: keyboard };
}

export { deadlineText };
