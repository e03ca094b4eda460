import {
  type Database,
  type TaskActorType,
  type TaskEventKind,
  type TaskRow,
  taskEvents,
  tasks,
} from "@lumen/db";
import { eq } from "drizzle-orm";
import { LumenError, notFound } from "../shared/errors.ts";

export type TaskEventInput = {
  taskId: string;
  kind: TaskEventKind;
  actorType: TaskActorType;
  actorId: string | null;
  assigneeId: string | null;
  data?: Record<string, unknown>;
  at: Date;
};

/** Written in the transaction of the change it records: the history and the state never disagree. */
export async function appendTaskEvent(db: Database, event: TaskEventInput): Promise<void> {
  await db.insert(taskEvents).values({ ...event, data: event.data ?? {} });
}

/** The task, locked to the end of the caller's transaction so two changes to it run one after the other. */
export async function lockTask(db: Database, taskId: string): Promise<TaskRow> {
  const [task] = await db.select().from(tasks).where(eq(tasks.id, taskId)).for("update");
  if (!task) throw notFound("Task", taskId);
  return task;
}

/** A change refused because of the state the task is in; `reason` tells clients which. */
export const taskRefused = (reason: string, message: string, details: Record<string, unknown> = {}) =>
  new LumenError("CONFLICT", message, { reason, ...details });

export const isOpenStatus = (status: TaskRow["status"]) =>
  status === "new" || status === "in_progress" || status === "waiting";
