import { type TaskRow, tasks } from "@lumen/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { queueJob } from "../jobs/outbox.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";
import { requireOwnTask } from "./task-actor.ts";
import { appendTaskEvent, lockTask, taskRefused } from "./task-events.ts";

const doneInput = z.object({ taskId: z.uuid(), result: z.string().trim().min(1).max(4000) });

/** The assistant marks the task done with its result; the subscriber then confirms or reopens it. */
export async function completeTask(
  ctx: CoreContext,
  actor: Actor,
  raw: z.input<typeof doneInput>,
): Promise<TaskRow> {
  const data = parseInput(doneInput, raw);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const task = await lockTask(tx, data.taskId);
    requireOwnTask(actor, task.assigneeId);
    if (task.status === "done") return task;
    if (task.status !== "in_progress" && task.status !== "waiting") {
      throw taskRefused("TASK_NOT_IN_PROGRESS", "Only a task in progress can be done");
    }
    const [done] = await tx
      .update(tasks)
      .set({ status: "done", result: data.result, updatedAt: now })
      .where(eq(tasks.id, task.id))
      .returning();
    await appendTaskEvent(tx, {
      taskId: task.id,
      kind: "done",
      actorType: "operator",
      actorId: actor.id,
      assigneeId: task.assigneeId,
      data: { result: data.result },
      at: now,
    });
    await queueJob(ctx, tx, "tasks.notify", { taskId: task.id, event: "done", ref: now.toISOString() });
    return done as TaskRow;
  });
}

/** The subscriber is not satisfied: the task goes back to its assistant. */
export async function reopenTask(ctx: CoreContext, userId: string, taskId: string): Promise<TaskRow> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const task = await lockTask(tx, taskId);
    if (task.userId !== userId) throw new LumenError("FORBIDDEN", "This task is someone else's");
    if (task.status !== "done") throw taskRefused("TASK_NOT_DONE", "Only a done task can be reopened");
    const [reopened] = await tx
      .update(tasks)
      .set({ status: "in_progress", rating: null, ratingComment: null, updatedAt: now })
      .where(eq(tasks.id, task.id))
      .returning();
    await appendTaskEvent(tx, {
      taskId: task.id,
      kind: "reopened",
      actorType: "user",
      actorId: userId,
      assigneeId: task.assigneeId,
      at: now,
    });
    await queueJob(ctx, tx, "tasks.notify", { taskId: task.id, event: "reopened", ref: now.toISOString() });
    return reopened as TaskRow;
  });
}

const rateInput = z.object({
  taskId: z.uuid(),
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(1000).nullable().default(null),
});

/** The subscriber rates a done task (1-5, a comment); rating again replaces the rating. */
export async function rateTask(
  ctx: CoreContext,
  userId: string,
  raw: z.input<typeof rateInput>,
): Promise<TaskRow> {
  const data = parseInput(rateInput, raw);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const task = await lockTask(tx, data.taskId);
    if (task.userId !== userId) throw new LumenError("FORBIDDEN", "This task is someone else's");
    if (task.status !== "done") throw taskRefused("TASK_NOT_DONE", "Only a done task can be rated");
    if (task.rating === data.rating && task.ratingComment === data.comment) return task;
    const [rated] = await tx
      .update(tasks)
      .set({ rating: data.rating, ratingComment: data.comment, updatedAt: now })
      .where(eq(tasks.id, task.id))
      .returning();
    await appendTaskEvent(tx, {
      taskId: task.id,
      kind: "rated",
      actorType: "user",
      actorId: userId,
      assigneeId: task.assigneeId,
      data: { rating: data.rating, comment: data.comment },
      at: now,
    });
    await queueJob(ctx, tx, "tasks.notify", { taskId: task.id, event: "rated", ref: now.toISOString() });
    return rated as TaskRow;
  });
}
