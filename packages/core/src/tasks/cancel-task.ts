import { type TaskRow, tasks } from "@lumen/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import { queueJob } from "../jobs/outbox.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError } from "../shared/errors.ts";
import { appendTaskEvent, isOpenStatus, lockTask, taskRefused } from "./task-events.ts";
import { returnTaskQuota } from "./task-quota.ts";

export type CancelBy = { type: "user"; userId: string } | { type: "operator"; actor: Actor };

/**
 * Cancels a task. The subscriber may cancel only while nobody has taken it, and gets the task
 * back in their quota; an operator (not an assistant) may cancel any open task.
 */
export async function cancelTask(ctx: CoreContext, by: CancelBy, taskId: string): Promise<TaskRow> {
  const now = ctx.clock.now();
  if (by.type === "operator") requireRole(by.actor, "operator");
  return ctx.db.transaction(async (tx) => {
    const task = await lockTask(tx, taskId);
    if (task.status === "cancelled") return task;
    if (by.type === "user") {
      if (task.userId !== by.userId) throw new LumenError("FORBIDDEN", "This task is someone else's");
      if (task.status !== "new") throw taskRefused("TASK_TAKEN", "A task already taken cannot be cancelled");
    } else if (!isOpenStatus(task.status)) {
      throw taskRefused("TASK_CLOSED", "This task is closed");
    }
    const [cancelled] = await tx
      .update(tasks)
      .set({ status: "cancelled", updatedAt: now })
      .where(eq(tasks.id, task.id))
      .returning();
    if (task.status === "new" && task.subscriptionId !== null && task.quotaPeriod !== null) {
      await returnTaskQuota(tx, task.subscriptionId, task.quotaPeriod);
    }
    await appendTaskEvent(tx, {
      taskId: task.id,
      kind: "cancelled",
      actorType: by.type,
      actorId: by.type === "user" ? by.userId : by.actor.id,
      assigneeId: task.assigneeId,
      at: now,
    });
    if (by.type === "operator") {
      await recordAudit(tx, by.actor, { action: "tasks.cancel", entityType: "task", entityId: task.id });
    }
    await queueJob(ctx, tx, "tasks.notify", { taskId: task.id, event: "cancelled", ref: now.toISOString() });
    return cancelled as TaskRow;
  });
}
