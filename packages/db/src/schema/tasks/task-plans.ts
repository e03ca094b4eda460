import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, idColumn } from "../_columns.ts";
import { taskNoticeKinds } from "./constants.ts";
import { tasks } from "./tasks.ts";

/**
 * What a plan (by its code) gives in tasks: how many per period of the plan and whether the
 * subscriber may ask for high priority. A plan code with no row gives no tasks.
 */
export const taskPlanQuotas = pgTable(
  "task_plan_quotas",
  {
    planCode: text("plan_code").primaryKey(),
    tasksPerPeriod: integer("tasks_per_period").notNull(),
    priorityAllowed: boolean("priority_allowed").notNull().default(false),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [check("task_plan_quotas_positive", sql`${t.tasksPerPeriod} > 0`)],
);

/**
 * Tasks used in one period of one subscription. Taken by a conditional upsert, so concurrent
 * creations never pass the quota; a new period is a new row.
 */
export const taskQuotaUsage = pgTable(
  "task_quota_usage",
  {
    subscriptionId: uuid("subscription_id").notNull(),
    period: integer("period").notNull(),
    used: integer("used").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.subscriptionId, t.period] }),
    check("task_quota_usage_non_negative", sql`${t.used} >= 0`),
  ],
);

/** Per bot: where new tasks go and when to warn about them. */
export const taskSettings = pgTable("task_settings", {
  botId: uuid("bot_id").primaryKey(),
  /** The assistants' group chat the bot posts task cards to. */
  workChatId: bigint("work_chat_id", { mode: "number" }),
  /** A task nobody took for this long alerts the admins. */
  untakenAlertMinutes: integer("untaken_alert_minutes").notNull().default(60),
  /** The assistant is reminded this long before a deadline. */
  reminderMinutesBefore: integer("reminder_minutes_before").notNull().default(60),
  /** The IANA zone a deadline typed in the bot is read in and shown back in (subscribers have none of their own). */
  timezone: text("timezone").notNull().default("UTC"),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

/** A notice about a task, claimed once before it is sent: two workers never send it twice. */
export const taskNotices = pgTable(
  "task_notices",
  {
    id: idColumn(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: taskNoticeKinds }).notNull(),
    /** The deadline it was about (the creation time for untaken), so a new deadline is warned about afresh. */
    dueAt: at("due_at").notNull(),
    sentAt: at("sent_at"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("task_notices_once_idx").on(t.taskId, t.kind, t.dueAt)],
);

export type TaskSettingsRow = typeof taskSettings.$inferSelect;
export type TaskNoticeRow = typeof taskNotices.$inferSelect;
