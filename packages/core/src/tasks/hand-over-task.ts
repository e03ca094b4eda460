import { type TaskRow, tasks } from "@lumen/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.ts";
import { queueJob } from "../jobs/outbox.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { requireOwnTask, resolveAssistant } from "./task-actor.ts";
import { appendTaskEvent, isOpenStatus, lockTask, taskRefused } from "./task-events.ts";

/**
 * Gives an open task to another assistant (an operator reassigning it, or its assistant handing
 * it over), or, with no one named, back to the work chat for anyone to take.
 */
export async function handOverTask(
  ctx: CoreContext,
  actor: Actor,
  input: { taskId: string; toAssigneeId: string | null },
): Promise<TaskRow> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const task = await lockTask(tx, input.taskId);
    requireOwnTask(actor, task.assigneeId);
    if (!isOpenStatus(task.status)) throw taskRefused("TASK_CLOSED", "This task is closed");
    // requireOwnTask has checked the actor may move it; the one named must be an active operator.
    const to = input.toAssigneeId
      ? await resolveAssistant(tx, { ...actor, role: "operator" }, input.toAssigneeId)
      : null;
    if (to === task.assigneeId) return task;
    const [moved] = await tx
      .update(tasks)
      .set({
        assigneeId: to,
        status: to ? (task.status === "new" ? "in_progress" : task.status) : "new",
        updatedAt: now,
      })
      .where(eq(tasks.id, task.id))
      .returning();
    await appendTaskEvent(tx, {
      taskId: task.id,
      kind: "handed_over",
      actorType: "operator",
      actorId: actor.id,
      assigneeId: to,
      data: { from: task.assigneeId, to },
      at: now,
    });
    await recordAudit(tx, actor, {
      action: "tasks.hand_over",
      entityType: "task",
      entityId: task.id,
      data: { from: task.assigneeId, to },
    });
    await queueJob(ctx, tx, "tasks.notify", {
      taskId: task.id,
      event: "handed_over",
      ref: now.toISOString(),
    });
    return moved as TaskRow;
  });
}
