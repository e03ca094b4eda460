import { z } from "zod";
import { timestamp } from "./common.ts";
import { taskItem, taskMessageItem, taskPriority } from "./tasks.ts";

/**
 * The subscriber's own tasks in the Mini App. Narrower than the board's `Task`: no assistant's
 * name or e-mail, since the subscriber never sees who the assistant is.
 */
export const storeTask = taskItem
  .pick({
    id: true,
    text: true,
    attachments: true,
    deadline: true,
    priority: true,
    status: true,
    result: true,
    rating: true,
    rating_comment: true,
    created_at: true,
    updated_at: true,
  })
  .meta({ id: "StoreTask" });

const storeTaskAllowance = z.object({
  plan_code: z.string(),
  title: z.string(),
  tasks_per_period: z.number().int(),
  tasks_left: z.number().int(),
  priority_allowed: z.boolean(),
});

export const storeTaskList = z.object({
  items: z.array(storeTask),
  /** The live plans that give tasks, with what is left this period; empty: no plan gives tasks. */
  allowances: z.array(storeTaskAllowance),
  /** A new task can be written now: a plan has one left this period. */
  can_create: z.boolean(),
  /** The plan the next task is taken from allows high priority. */
  priority_allowed: z.boolean(),
});

/** The assistant is never named to the subscriber. */
export const storeTaskMessage = taskMessageItem.omit({ operator_id: true, operator_email: true });

export const storeTaskDetail = storeTask
  .extend({ messages: z.array(storeTaskMessage) })
  .meta({ id: "StoreTaskDetail" });

export const storeCreateTaskRequest = z.object({
  text: z.string().trim().min(1).max(4000),
  deadline: timestamp.nullable().optional().describe("with its offset: the page sends the subscriber's zone"),
  priority: taskPriority.optional(),
  /** The same key twice creates one task (a double-tapped Send). */
  idempotency_key: z.string().trim().min(1).max(200),
});

export const storeTaskMessageRequest = z.object({ text: z.string().trim().min(1).max(4000) });

export const storeRateTaskRequest = z.object({
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(1000).nullable().optional(),
});
