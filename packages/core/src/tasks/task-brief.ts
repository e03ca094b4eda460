import { admins, type TaskMessageRow, type TaskRow, taskMessages, tasks, users } from "@lumen/db";
import { eq } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import { notFound } from "../shared/errors.ts";

export type TaskBrief = {
  task: TaskRow;
  subscriber: {
    telegramId: number;
    firstName: string;
    username: string | null;
    locale: string | null;
    languageCode: string | null;
  };
  assigneeEmail: string | null;
  /** The assistant's linked Telegram account, for messages in their private chat with the bot. */
  assigneeTelegramId: number | null;
};

/** What the jobs that tell people about a task need to word their message; no role check (jobs only). */
export async function getTaskBrief(ctx: CoreContext, taskId: string): Promise<TaskBrief> {
  const [row] = await ctx.db
    .select({
      task: tasks,
      telegramId: users.telegramId,
      firstName: users.firstName,
      username: users.username,
      locale: users.locale,
      languageCode: users.languageCode,
      assigneeEmail: admins.email,
      assigneeTelegramId: admins.telegramUserId,
    })
    .from(tasks)
    .innerJoin(users, eq(users.id, tasks.userId))
    .leftJoin(admins, eq(admins.id, tasks.assigneeId))
    .where(eq(tasks.id, taskId));
  if (!row) throw notFound("Task", taskId);
  return {
    task: row.task,
    subscriber: {
      telegramId: row.telegramId,
      firstName: row.firstName,
      username: row.username,
      locale: row.locale,
      languageCode: row.languageCode,
    },
    assigneeEmail: row.assigneeEmail,
    assigneeTelegramId: row.assigneeTelegramId,
  };
}

export async function getTaskMessage(ctx: CoreContext, messageId: string): Promise<TaskMessageRow> {
  const [row] = await ctx.db.select().from(taskMessages).where(eq(taskMessages.id, messageId));
  if (!row) throw notFound("Task message", messageId);
  return row;
}
