import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, idColumn } from "../_columns.ts";
import { taskActorTypes, taskEventKinds } from "./constants.ts";
import { tasks } from "./tasks.ts";

/**
 * What happened to a task, append-only: statistics are computed from it, never from
 * counters. `assigneeId` is the assistant responsible once the event happened, so each
 * event is credited to someone without replaying the history.
 */
export const taskEvents = pgTable(
  "task_events",
  {
    id: idColumn(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: taskEventKinds }).notNull(),
    actorType: text("actor_type", { enum: taskActorTypes }).notNull(),
    actorId: uuid("actor_id"),
    assigneeId: uuid("assignee_id"),
    /** rating and comment for rated, result for done, from/to for handed_over. */
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [
    index("task_events_task_idx").on(t.taskId, t.at),
    index("task_events_assignee_idx").on(t.assigneeId, t.kind, t.at),
  ],
);

export type TaskEventRow = typeof taskEvents.$inferSelect;
