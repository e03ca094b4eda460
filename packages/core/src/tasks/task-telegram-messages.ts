import { type TaskTelegramMessageKind, taskTelegramMessages } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";

export type TaskTelegramMessage = {
  chatId: number;
  messageId: number;
  taskId: string;
  kind: TaskTelegramMessageKind;
};

/** Remembers which task a message the bot sent belongs to, so a reply to it finds the task. */
export async function rememberTaskMessage(ctx: CoreContext, message: TaskTelegramMessage): Promise<void> {
  await ctx.db
    .insert(taskTelegramMessages)
    .values({ ...message, createdAt: ctx.clock.now() })
    .onConflictDoNothing();
}

/** The task (and what kind of message it was) a reply in this chat points at, if any. */
export async function findTaskMessage(
  ctx: CoreContext,
  chatId: number,
  messageId: number,
): Promise<TaskTelegramMessage | null> {
  const [row] = await ctx.db
    .select()
    .from(taskTelegramMessages)
    .where(and(eq(taskTelegramMessages.chatId, chatId), eq(taskTelegramMessages.messageId, messageId)));
  return row ? { chatId: row.chatId, messageId: row.messageId, taskId: row.taskId, kind: row.kind } : null;
}

/** The work chat's card of a task, to edit once it is taken, done or cancelled. */
export async function findTaskCard(ctx: CoreContext, taskId: string): Promise<TaskTelegramMessage | null> {
  const [row] = await ctx.db
    .select()
    .from(taskTelegramMessages)
    .where(and(eq(taskTelegramMessages.taskId, taskId), eq(taskTelegramMessages.kind, "card")));
  return row ? { chatId: row.chatId, messageId: row.messageId, taskId: row.taskId, kind: row.kind } : null;
}
