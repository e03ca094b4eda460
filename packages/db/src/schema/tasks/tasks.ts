import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, idColumn, timestamps } from "../_columns.ts";
import { admins } from "../auth/admins.ts";
import { users } from "../users/users.ts";
import { type TaskAttachment, taskPriorities, taskStatuses } from "./constants.ts";

/**
 * Something a subscriber asked a human assistant to do. The status and assignee are the
 * current state; what happened and when is in task_events, which statistics read.
 */
export const tasks = pgTable(
  "tasks",
  {
    id: idColumn(),
    botId: uuid("bot_id"),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    attachments: jsonb("attachments").$type<TaskAttachment[]>().notNull().default([]),
    deadline: at("deadline"),
    priority: text("priority", { enum: taskPriorities }).notNull().default("normal"),
    status: text("status", { enum: taskStatuses }).notNull().default("new"),
    assigneeId: uuid("assignee_id").references(() => admins.id, { onDelete: "set null" }),
    /** The plan period that paid for it: a task cancelled before it is taken gives the use back. */
    subscriptionId: uuid("subscription_id"),
    quotaPeriod: integer("quota_period"),
    result: text("result"),
    rating: integer("rating"),
    ratingComment: text("rating_comment"),
    /** A client's key for creating it: the same key twice from one user creates one task. */
    idempotencyKey: text("idempotency_key"),
    ...timestamps,
  },
  (t) => [
    index("tasks_user_idx").on(t.userId, t.createdAt),
    index("tasks_status_idx").on(t.status, t.createdAt),
    index("tasks_assignee_idx").on(t.assigneeId, t.status),
    index("tasks_deadline_idx").on(t.deadline).where(sql`${t.status} in ('new', 'in_progress', 'waiting')`),
    uniqueIndex("tasks_idempotency_idx").on(t.userId, t.idempotencyKey),
    check("tasks_rating_range", sql`${t.rating} is null or ${t.rating} between 1 and 5`),
  ],
);

export type TaskRow = typeof tasks.$inferSelect;
