import { type TaskMessageRow, taskMessages, tasks } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { queueJob } from "../jobs/outbox.ts";
import { enforceRateLimits } from "../limits/hit-rate-limit.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";
import { taskAttachmentInput } from "./create-task.ts";
import { requireOwnTask } from "./task-actor.ts";
import { appendTaskEvent, isOpenStatus, lockTask, taskRefused } from "./task-events.ts";

const input = z
  .object({
    taskId: z.uuid(),
    text: z.string().trim().max(4000).default(""),
    attachments: z.array(taskAttachmentInput).max(10).default([]),
    /** The same key twice (a retried request) writes one message. */
    idempotencyKey: z.string().min(1).max(200).optional(),
  })
  .refine((m) => m.text.length > 0 || m.attachments.length > 0, { path: ["text"], message: "is empty" });

export type TaskMessageInput = z.input<typeof input>;

/**
 * How many messages a subscriber may write to one task a minute, from the bot and the Mini App
 * together: each is relayed to a person, so a flood is refused (RATE_LIMITED) before it reaches
 * them. An album of photos (at most 10) still fits.
 */
export const TASK_MESSAGES_PER_MINUTE = 10;

/**
 * The subscriber writes to their open task. An answer to "waiting for you" puts the task back
 * in progress; the message is relayed to the assistant by a job queued with it.
 */
export async function postUserTaskMessage(
  ctx: CoreContext,
  userId: string,
  raw: TaskMessageInput,
): Promise<TaskMessageRow> {
  const data = parseInput(input, raw);
  const now = ctx.clock.now();
  await enforceRateLimits(ctx, [
    { key: `task-message:${userId}:${data.taskId}`, limit: TASK_MESSAGES_PER_MINUTE, windowMs: 60_000 },
  ]);
  return ctx.db.transaction(async (tx) => {
    const task = await lockTask(tx, data.taskId);
    if (task.userId !== userId) throw new LumenError("FORBIDDEN", "This task is someone else's");
    if (!isOpenStatus(task.status)) throw taskRefused("TASK_CLOSED", "This task is closed");
    if (task.status === "waiting") {
      await tx.update(tasks).set({ status: "in_progress", updatedAt: now }).where(eq(tasks.id, task.id));
    }
    const [message] = await tx
      .insert(taskMessages)
      .values({
        taskId: task.id,
        authorType: "user",
        text: data.text,
        attachments: data.attachments,
        createdAt: now,
      })
      .returning();
    if (!message) throw new Error("insert returned nothing");
    await appendTaskEvent(tx, {
      taskId: task.id,
      kind: "message",
      actorType: "user",
      actorId: userId,
      assigneeId: task.assigneeId,
      data: { messageId: message.id },
      at: now,
    });
    await queueJob(ctx, tx, "tasks.notify", { taskId: task.id, event: "message", ref: message.id });
    return message;
  });
}

/**
 * The assistant on the task writes to the subscriber (`ask`: and waits for their answer).
 * Only the task's assistant, or an operator and up, may write.
 */
export async function postAssistantTaskMessage(
  ctx: CoreContext,
  actor: Actor,
  raw: TaskMessageInput & { ask?: boolean },
): Promise<TaskMessageRow> {
  const data = parseInput(input, raw);
  const ask = raw.ask === true;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const task = await lockTask(tx, data.taskId);
    requireOwnTask(actor, task.assigneeId);
    if (data.idempotencyKey) {
      const [earlier] = await tx
        .select()
        .from(taskMessages)
        .where(and(eq(taskMessages.taskId, task.id), eq(taskMessages.idempotencyKey, data.idempotencyKey)));
      if (earlier) return earlier;
    }
    if (!isOpenStatus(task.status)) throw taskRefused("TASK_CLOSED", "This task is closed");
    if (task.status === "new") throw taskRefused("TASK_NOT_TAKEN", "Take the task first");
    if (ask) await tx.update(tasks).set({ status: "waiting", updatedAt: now }).where(eq(tasks.id, task.id));
    const [message] = await tx
      .insert(taskMessages)
      .values({
        taskId: task.id,
        authorType: "operator",
        operatorId: actor.type === "admin" ? actor.id : null,
        text: data.text,
        attachments: data.attachments,
        idempotencyKey: data.idempotencyKey ?? null,
        createdAt: now,
      })
      .returning();
    if (!message) throw new Error("insert returned nothing");
    await appendTaskEvent(tx, {
      taskId: task.id,
      kind: ask ? "waiting" : "message",
      actorType: "operator",
      actorId: actor.id,
      assigneeId: task.assigneeId,
      data: { messageId: message.id },
      at: now,
    });
    await queueJob(ctx, tx, "tasks.notify", {
      taskId: task.id,
      event: ask ? "waiting" : "message",
      ref: message.id,
    });
    return message;
  });
}
