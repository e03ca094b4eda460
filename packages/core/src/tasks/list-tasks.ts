import {
  admins,
  type TaskEventRow,
  type TaskMessageRow,
  type TaskRow,
  type TaskStatus,
  taskEvents,
  taskMessages,
  tasks,
  users,
} from "@lumen/db";
import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError, notFound } from "../shared/errors.ts";

export type TaskListFilters = {
  id?: string | undefined;
  status?: TaskStatus[] | undefined;
  assigneeId?: string | undefined;
  /** true: only tasks nobody has taken. */
  unassigned?: boolean | undefined;
  planCode?: string | undefined;
  overdue?: boolean | undefined;
  userId?: string | undefined;
  botId?: string | undefined;
  limit?: number | undefined;
};

export type TaskListItem = TaskRow & {
  userName: string;
  userTelegramId: number;
  assigneeEmail: string | null;
  planCode: string | null;
  overdue: boolean;
};

const planCodeOf = sql<
  string | null
>`(select s.plan_code from subscriptions s where s.id = ${tasks.subscriptionId})`;

/**
 * What an actor may see of the board: an assistant sees the tasks nobody has taken (to take
 * one) and their own; operators and up see every task. Null: no limit.
 */
function visibleTasksOf(actor: Actor): SQL | null {
  if (actor.role !== "assistant") return null;
  if (!actor.id) return isNull(tasks.assigneeId);
  return or(isNull(tasks.assigneeId), eq(tasks.assigneeId, actor.id)) ?? null;
}

/**
 * The board's query: newest first, filtered by status, assistant, plan, overdue; an assistant's
 * board holds only what `visibleTasksOf` lets them see, whatever the filters ask for.
 */
export async function listTasks(
  ctx: CoreContext,
  actor: Actor,
  filters: TaskListFilters,
): Promise<TaskListItem[]> {
  requireRole(actor, "assistant");
  const now = ctx.clock.now();
  const overdueSql = sql<boolean>`(${tasks.deadline} is not null and ${tasks.deadline} < ${now.toISOString()}::timestamptz and ${tasks.status} in ('new', 'in_progress', 'waiting'))`;
  const where: SQL[] = [];
  const visible = visibleTasksOf(actor);
  if (visible) where.push(visible);
  if (filters.id) where.push(eq(tasks.id, filters.id));
  if (filters.status?.length) where.push(inArray(tasks.status, filters.status));
  if (filters.assigneeId) where.push(eq(tasks.assigneeId, filters.assigneeId));
  if (filters.unassigned) where.push(isNull(tasks.assigneeId));
  if (filters.userId) where.push(eq(tasks.userId, filters.userId));
  if (filters.botId) where.push(eq(tasks.botId, filters.botId));
  if (filters.planCode) where.push(sql`${planCodeOf} = ${filters.planCode}`);
  if (filters.overdue) where.push(overdueSql);
  const rows = await ctx.db
    .select({
      task: tasks,
      userName: users.firstName,
      userTelegramId: users.telegramId,
      assigneeEmail: admins.email,
      planCode: planCodeOf,
      overdue: overdueSql,
    })
    .from(tasks)
    .innerJoin(users, eq(users.id, tasks.userId))
    .leftJoin(admins, eq(admins.id, tasks.assigneeId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(tasks.createdAt), desc(tasks.id))
    .limit(Math.min(filters.limit ?? 200, 500));
  return rows.map((r) => ({
    ...r.task,
    userName: r.userName,
    userTelegramId: r.userTelegramId,
    assigneeEmail: r.assigneeEmail,
    planCode: r.planCode,
    overdue: Boolean(r.overdue),
  }));
}

export type TaskDetail = TaskListItem & {
  messages: Array<TaskMessageRow & { operatorEmail: string | null }>;
  events: Array<TaskEventRow & { actorEmail: string | null }>;
};

/** One task with its conversation and history, for the panel and the API (403: another assistant's). */
export async function getTask(ctx: CoreContext, actor: Actor, taskId: string): Promise<TaskDetail> {
  requireRole(actor, "assistant");
  const [item] = await listTasks(ctx, actor, { id: taskId, limit: 1 });
  if (!item) {
    const [exists] = await ctx.db.select({ id: tasks.id }).from(tasks).where(eq(tasks.id, taskId));
    if (exists) throw new LumenError("FORBIDDEN", "This task is another assistant's");
    throw notFound("Task", taskId);
  }
  const messages = await ctx.db
    .select({ message: taskMessages, operatorEmail: admins.email })
    .from(taskMessages)
    .leftJoin(admins, eq(admins.id, taskMessages.operatorId))
    .where(eq(taskMessages.taskId, taskId))
    .orderBy(asc(taskMessages.createdAt), asc(taskMessages.id));
  const events = await ctx.db
    .select({ event: taskEvents, actorEmail: admins.email })
    .from(taskEvents)
    .leftJoin(admins, and(eq(taskEvents.actorType, "operator"), eq(admins.id, taskEvents.actorId)))
    .where(eq(taskEvents.taskId, taskId))
    .orderBy(asc(taskEvents.at), asc(taskEvents.id));
  return {
    ...item,
    messages: messages.map((m) => ({ ...m.message, operatorEmail: m.operatorEmail })),
    events: events.map((e) => ({ ...e.event, actorEmail: e.actorEmail })),
  };
}

/** A subscriber's own tasks, newest first (the bot's /tasks). */
export async function listUserTasks(ctx: CoreContext, userId: string, limit = 20): Promise<TaskRow[]> {
  return ctx.db
    .select()
    .from(tasks)
    .where(eq(tasks.userId, userId))
    .orderBy(desc(tasks.createdAt))
    .limit(limit);
}

/** A subscriber's own task with its conversation; someone else's is not found. */
export async function getUserTask(
  ctx: CoreContext,
  userId: string,
  taskId: string,
): Promise<{ task: TaskRow; messages: TaskMessageRow[] }> {
  const [task] = await ctx.db.select().from(tasks).where(eq(tasks.id, taskId));
  if (!task || task.userId !== userId) throw notFound("Task", taskId);
  const messages = await ctx.db
    .select()
    .from(taskMessages)
    .where(eq(taskMessages.taskId, taskId))
    .orderBy(asc(taskMessages.createdAt), asc(taskMessages.id));
  return { task, messages };
}

/** The subscriber's open task their plain messages go to: the most recently active one. */
export async function findOpenUserTask(ctx: CoreContext, userId: string): Promise<TaskRow | null> {
  const [task] = await ctx.db
    .select()
    .from(tasks)
    .where(and(eq(tasks.userId, userId), inArray(tasks.status, ["new", "in_progress", "waiting"])))
    .orderBy(desc(tasks.updatedAt))
    .limit(1);
  return task ?? null;
}

/** One message of the subscriber's own tasks; null when it is not theirs. */
export async function getUserTaskMessage(
  ctx: CoreContext,
  userId: string,
  messageId: string,
): Promise<TaskMessageRow | null> {
  const [row] = await ctx.db
    .select({ message: taskMessages })
    .from(taskMessages)
    .innerJoin(tasks, eq(tasks.id, taskMessages.taskId))
    .where(and(eq(taskMessages.id, messageId), eq(tasks.userId, userId)));
  return row?.message ?? null;
}
