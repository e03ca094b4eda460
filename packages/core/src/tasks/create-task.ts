import { type TaskRow, tasks } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { queueJob } from "../jobs/outbox.ts";
import type { CoreContext } from "../shared/context.ts";
import { LumenError } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";
import { getUser } from "../users/get-user.ts";
import { appendTaskEvent } from "./task-events.ts";
import { takeTaskQuota } from "./task-quota.ts";

export const taskAttachmentInput = z.object({
  kind: z.enum(["photo", "document", "voice"]),
  fileId: z.string().min(1).max(300),
});

const input = z.object({
  userId: z.uuid(),
  botId: z.uuid().nullable().default(null),
  text: z.string().trim().min(1).max(4000),
  attachments: z.array(taskAttachmentInput).max(10).default([]),
  deadline: z.date().nullable().default(null),
  priority: z.enum(["normal", "high"]).default("normal"),
  /** The same key twice creates one task (a retried request, a double-tapped Confirm). */
  idempotencyKey: z.string().min(1).max(200).optional(),
  /** The operator creating it on the user's behalf, for the history; null when the user did. */
  operatorId: z.uuid().nullable().default(null),
});

export type CreateTaskInput = z.input<typeof input>;

/** Refusals a client shows as an offer: a plan (none gives tasks) or an upgrade (quota used up). */
export const noTaskPlan = () =>
  new LumenError("FORBIDDEN", "No plan of this user gives tasks", { reason: "NO_TASK_PLAN" });
export const taskQuotaExhausted = () =>
  new LumenError("FORBIDDEN", "This period's tasks are used up", { reason: "TASK_QUOTA_EXHAUSTED" });

/**
 * A subscriber's new task, paid from a plan's task quota in the same transaction, with its
 * "created" event and the job that posts its card to the assistants' work chat.
 */
export async function createTask(ctx: CoreContext, raw: CreateTaskInput): Promise<TaskRow> {
  const data = parseInput(input, raw);
  const now = ctx.clock.now();
  if (data.deadline && data.deadline <= now) {
    throw new LumenError("VALIDATION_FAILED", "deadline: must be in the future", { field: "deadline" });
  }
  const key = data.idempotencyKey;
  // A key is the user's own: another user's task with the same key is none of theirs.
  const earlier = async () =>
    key
      ? (
          await ctx.db
            .select()
            .from(tasks)
            .where(and(eq(tasks.userId, data.userId), eq(tasks.idempotencyKey, key)))
        )[0]
      : undefined;
  const existing = await earlier();
  if (existing) return existing;
  try {
    return await insertTask(ctx, data, now);
  } catch (error) {
    if (!(error instanceof DuplicateTask)) throw error;
    const created = await earlier();
    if (!created) throw error;
    return created;
  }
}

/** A concurrent request with the same key created the task first: this one is rolled back, quota and all. */
class DuplicateTask extends Error {}

async function insertTask(ctx: CoreContext, data: z.output<typeof input>, now: Date): Promise<TaskRow> {
  return ctx.db.transaction(async (tx) => {
    const user = await getUser(tx, data.userId);
    if (user.isBanned) throw new LumenError("FORBIDDEN", "This user is banned");
    const { charge, hasPlan } = await takeTaskQuota(tx, data.userId, now);
    if (!charge) throw hasPlan ? taskQuotaExhausted() : noTaskPlan();
    if (data.priority === "high" && !charge.priorityAllowed) {
      throw new LumenError("VALIDATION_FAILED", "priority: the plan does not allow high priority", {
        field: "priority",
      });
    }
    const inserted = await tx
      .insert(tasks)
      .values({
        botId: data.botId,
        userId: data.userId,
        text: data.text,
        attachments: data.attachments,
        deadline: data.deadline,
        priority: data.priority,
        subscriptionId: charge.subscriptionId,
        quotaPeriod: charge.period,
        idempotencyKey: data.idempotencyKey ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: [tasks.userId, tasks.idempotencyKey] })
      .returning();
    const task = inserted[0];
    if (!task) throw new DuplicateTask();
    await appendTaskEvent(tx, {
      taskId: task.id,
      kind: "created",
      actorType: data.operatorId ? "operator" : "user",
      actorId: data.operatorId ?? data.userId,
      assigneeId: null,
      at: now,
    });
    if (task.botId) await queueJob(ctx, tx, "tasks.post-card", { taskId: task.id });
    return task;
  });
}
