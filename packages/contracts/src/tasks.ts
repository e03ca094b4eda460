import { z } from "zod";
import { timestamp } from "./common.ts";
import { queryFlag } from "./list-query.ts";
import { taskStatuses } from "./task-status.ts";

export { isTaskOpen, openTaskStatuses, type TaskStatusName } from "./task-status.ts";
export const taskStatus = z.enum(taskStatuses);
export const taskPriority = z.enum(["normal", "high"]);
export const taskAttachment = z.object({
  kind: z.enum(["photo", "document", "voice"]),
  file_id: z.string().min(1).max(300).describe("a Telegram file id of the task's bot"),
});

export const listTasksQuery = z.object({
  status: z
    .string()
    .regex(/^(new|in_progress|waiting|done|cancelled)(,(new|in_progress|waiting|done|cancelled))*$/)
    .optional()
    .describe("one status or several, comma-separated"),
  assignee_id: z.uuid().optional(),
  unassigned: queryFlag.describe("only tasks nobody has taken"),
  plan_code: z.string().min(1).max(100).optional(),
  overdue: queryFlag.describe("only open tasks past their deadline"),
  user_id: z.uuid().optional(),
  bot_id: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const taskItem = z
  .object({
    id: z.uuid(),
    bot_id: z.uuid().nullable(),
    user_id: z.uuid(),
    user_name: z.string(),
    user_telegram_id: z.number().int(),
    text: z.string(),
    attachments: z.array(taskAttachment),
    deadline: timestamp.nullable(),
    priority: taskPriority,
    status: taskStatus,
    assignee_id: z.uuid().nullable(),
    assignee_email: z.string().nullable(),
    plan_code: z.string().nullable(),
    overdue: z.boolean(),
    result: z.string().nullable(),
    rating: z.number().int().nullable(),
    rating_comment: z.string().nullable(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "Task" });
export type TaskItem = z.infer<typeof taskItem>;
export const taskListResponse = z.object({ items: z.array(taskItem) });

export const taskMessageItem = z
  .object({
    id: z.uuid(),
    author_type: z.enum(["user", "operator", "system"]),
    operator_id: z.uuid().nullable(),
    operator_email: z.string().nullable(),
    text: z.string(),
    attachments: z.array(taskAttachment),
    created_at: timestamp,
  })
  .meta({ id: "TaskMessage" });

export const taskEventItem = z
  .object({
    id: z.uuid(),
    kind: z.enum([
      "created",
      "taken",
      "message",
      "waiting",
      "handed_over",
      "done",
      "reopened",
      "rated",
      "cancelled",
    ]),
    actor_type: z.enum(["user", "operator", "system"]),
    actor_id: z.uuid().nullable(),
    actor_email: z.string().nullable(),
    assignee_id: z.uuid().nullable(),
    data: z.record(z.string(), z.unknown()),
    at: timestamp,
  })
  .meta({ id: "TaskEvent" });

export const taskDetail = taskItem
  .extend({ messages: z.array(taskMessageItem), events: z.array(taskEventItem) })
  .meta({ id: "TaskDetail" });
export type TaskDetailItem = z.infer<typeof taskDetail>;

export const createTaskRequest = z.object({
  user_id: z.uuid(),
  bot_id: z.uuid().nullable().optional().describe("the bot that relays the conversation"),
  text: z.string().trim().min(1).max(4000),
  attachments: z.array(taskAttachment).max(10).optional(),
  deadline: timestamp.nullable().optional(),
  priority: taskPriority.optional(),
  /** The same key twice creates one task. */
  idempotency_key: z.string().trim().min(1).max(200).optional(),
});

export const takeTaskRequest = z.object({
  assignee_id: z.uuid().optional().describe("whom to give it to (operator and up); yourself when omitted"),
});
export const taskMessageRequest = z.object({
  text: z.string().trim().min(1).max(4000),
  ask: z.boolean().optional().describe("a question: the task waits for the subscriber's answer"),
  /** The same key twice writes one message. */
  idempotency_key: z.string().trim().min(1).max(200).optional(),
});
export const completeTaskRequest = z.object({ result: z.string().trim().min(1).max(4000) });
export const reassignTaskRequest = z.object({
  assignee_id: z.uuid().nullable().describe("the assistant to give it to; null puts it back for anyone"),
});

export const assistantStatisticsQuery = z
  .object({ from: timestamp, to: timestamp, assistant_id: z.uuid().optional() })
  .refine((q) => q.to > q.from, { path: ["to"], message: "must be after from" });

export const assistantStatisticsItem = z
  .object({
    assistant_id: z.uuid(),
    email: z.string().nullable(),
    taken: z.number().int(),
    done: z.number().int(),
    first_response_median_seconds: z.number().int().nullable(),
    first_response_p90_seconds: z.number().int().nullable(),
    done_median_seconds: z.number().int().nullable(),
    done_p90_seconds: z.number().int().nullable(),
    reopen_rate: z.number().nullable(),
    average_rating: z.number().nullable(),
    ratings: z.number().int(),
    overdue: z.number().int(),
  })
  .meta({ id: "AssistantStatistics" });
export type AssistantStatisticsRow = z.infer<typeof assistantStatisticsItem>;
export const assistantStatisticsResponse = z.object({ items: z.array(assistantStatisticsItem) });

export const taskPlanQuotaItem = z
  .object({
    plan_code: z.string(),
    tasks_per_period: z.number().int(),
    priority_allowed: z.boolean(),
    updated_at: timestamp,
  })
  .meta({ id: "TaskPlanQuota" });
export const taskPlanQuotaListResponse = z.object({ items: z.array(taskPlanQuotaItem) });
export const planCodeParam = z.object({ plan_code: z.string().min(1).max(100) });
export const setTaskPlanQuotaRequest = z.object({
  tasks_per_period: z
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .nullable()
    .describe("null: the plan gives no tasks"),
  priority_allowed: z.boolean().optional(),
});

export const taskSettingsItem = z
  .object({
    bot_id: z.uuid(),
    work_chat_id: z.number().int().nullable().describe("the assistants' group the bot posts task cards to"),
    untaken_alert_minutes: z.number().int(),
    reminder_minutes_before: z.number().int(),
    timezone: z.string().describe("the IANA zone deadlines typed in the bot are read and shown in"),
  })
  .meta({ id: "TaskSettings" });
/** A field left out keeps its saved value. */
export const setTaskSettingsRequest = z.object({
  work_chat_id: z.number().int().nullable().optional(),
  untaken_alert_minutes: z.number().int().min(1).max(100_000).optional(),
  reminder_minutes_before: z.number().int().min(1).max(100_000).optional(),
  timezone: z.string().trim().min(1).max(100).optional().describe("an IANA name such as Europe/Moscow"),
});

export const taskAssigneeListResponse = z.object({
  items: z.array(z.object({ id: z.uuid(), email: z.string(), role: z.string() })),
});
