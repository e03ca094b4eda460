import {
  type TaskAttachment,
  type TaskDraftRow,
  type TaskDraftStep,
  type TaskPriority,
  type TaskRow,
  taskDrafts,
} from "@lumen/db";
import { and, eq, sql } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import { LumenError } from "../shared/errors.ts";
import { createTask } from "./create-task.ts";

type DraftKey = { userId: string; botId: string };
const MAX_ATTACHMENTS = 10;
const MAX_TEXT = 4000;

const whereDraft = (key: DraftKey) => and(eq(taskDrafts.userId, key.userId), eq(taskDrafts.botId, key.botId));

/** Starts (or restarts) the guided flow: an empty draft at its first step. */
export async function startTaskDraft(ctx: CoreContext, key: DraftKey): Promise<TaskDraftRow> {
  const now = ctx.clock.now();
  const fresh = {
    id: crypto.randomUUID(),
    step: "text" as const,
    text: "",
    attachments: [],
    deadline: null,
    priority: "normal" as const,
    updatedAt: now,
  };
  const [row] = await ctx.db
    .insert(taskDrafts)
    .values({ ...key, ...fresh })
    .onConflictDoUpdate({ target: [taskDrafts.userId, taskDrafts.botId], set: fresh })
    .returning();
  return row as TaskDraftRow;
}

export async function getTaskDraft(ctx: CoreContext, key: DraftKey): Promise<TaskDraftRow | null> {
  const [row] = await ctx.db.select().from(taskDrafts).where(whereDraft(key));
  return row ?? null;
}

/**
 * Adds a message of the description (text, a photo, a document, a voice note) to the draft.
 * Appended in one UPDATE, so an album's photos arriving at once are all kept.
 */
export async function addToTaskDraft(
  ctx: CoreContext,
  key: DraftKey,
  part: { text?: string; attachment?: TaskAttachment },
): Promise<TaskDraftRow | null> {
  const text = part.text?.trim() ?? "";
  const [row] = await ctx.db
    .update(taskDrafts)
    .set({
      text: text
        ? sql`left(case when ${taskDrafts.text} = '' then ${text} else ${taskDrafts.text} || E'\n' || ${text} end, ${MAX_TEXT})`
        : taskDrafts.text,
      attachments: part.attachment
        ? sql`case when jsonb_array_length(${taskDrafts.attachments}) < ${MAX_ATTACHMENTS}
            then ${taskDrafts.attachments} || ${JSON.stringify([part.attachment])}::jsonb
            else ${taskDrafts.attachments} end`
        : taskDrafts.attachments,
      updatedAt: ctx.clock.now(),
    })
    .where(and(whereDraft(key), eq(taskDrafts.step, "text")))
    .returning();
  return row ?? null;
}

/** Moves the flow on, setting what the step chose (a deadline, a priority). */
export async function updateTaskDraft(
  ctx: CoreContext,
  key: DraftKey,
  change: { step: TaskDraftStep; deadline?: Date | null; priority?: TaskPriority },
): Promise<TaskDraftRow | null> {
  if (change.deadline && change.deadline <= ctx.clock.now()) {
    throw new LumenError("VALIDATION_FAILED", "deadline: must be in the future", { field: "deadline" });
  }
  const [row] = await ctx.db
    .update(taskDrafts)
    .set({
      step: change.step,
      ...(change.deadline !== undefined ? { deadline: change.deadline } : {}),
      ...(change.priority ? { priority: change.priority } : {}),
      updatedAt: ctx.clock.now(),
    })
    .where(whereDraft(key))
    .returning();
  return row ?? null;
}

export async function discardTaskDraft(ctx: CoreContext, key: DraftKey): Promise<void> {
  await ctx.db.delete(taskDrafts).where(whereDraft(key));
}

/**
 * Turns the draft into a task. The draft's id is the task's idempotency key, so a double-tapped
 * Confirm creates one task; the draft is removed only once the task exists.
 */
export async function submitTaskDraft(ctx: CoreContext, key: DraftKey): Promise<TaskRow | null> {
  const draft = await getTaskDraft(ctx, key);
  if (!draft) return null;
  if (!draft.text && draft.attachments.length === 0) {
    throw new LumenError("VALIDATION_FAILED", "text: is empty", { field: "text" });
  }
  const task = await createTask(ctx, {
    userId: key.userId,
    botId: key.botId,
    text: draft.text || "📎",
    attachments: draft.attachments,
    deadline: draft.deadline,
    priority: draft.priority,
    idempotencyKey: `draft:${draft.id}`,
  });
  await ctx.db.delete(taskDrafts).where(and(whereDraft(key), eq(taskDrafts.id, draft.id)));
  return task;
}
