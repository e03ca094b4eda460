import { type TaskRow, tasks } from "@lumen/db";
import { and, eq, isNull } from "drizzle-orm";
import { queueJob } from "../jobs/outbox.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { notFound } from "../shared/errors.ts";
import { resolveAssistant } from "./task-actor.ts";
import { appendTaskEvent, taskRefused } from "./task-events.ts";

/**
 * An assistant claims a new task. The claim is the conditional UPDATE (still new, nobody on
 * it): of two assistants pressing Take at once exactly one gets it, the other is told who did.
 */
export async function takeTask(
  ctx: CoreContext,
  actor: Actor,
  input: { taskId: string; assigneeId?: string | null },
): Promise<TaskRow> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const assigneeId = await resolveAssistant(tx, actor, input.assigneeId);
    const [taken] = await tx
      .update(tasks)
      .set({ status: "in_progress", assigneeId, updatedAt: now })
      .where(and(eq(tasks.id, input.taskId), eq(tasks.status, "new"), isNull(tasks.assigneeId)))
      .returning();
    if (!taken) {
      const [task] = await tx.select().from(tasks).where(eq(tasks.id, input.taskId));
      if (!task) throw notFound("Task", input.taskId);
      if (task.assigneeId === assigneeId) return task;
      throw taskRefused("TASK_TAKEN", "Someone else has taken this task", { assigneeId: task.assigneeId });
    }
    await appendTaskEvent(tx, {
      taskId: taken.id,
      kind: "taken",
      actorType: "operator",
      actorId: actor.id,
      assigneeId,
      at: now,
    });
    await queueJob(ctx, tx, "tasks.notify", { taskId: taken.id, event: "taken", ref: now.toISOString() });
    return taken;
  });
}
