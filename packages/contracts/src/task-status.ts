/**
 * A task's statuses, without zod: the Mini App imports this module at run time (the rest of the
 * contracts it imports as types only, to keep zod out of its first screen).
 */
export const taskStatuses = ["new", "in_progress", "waiting", "done", "cancelled"] as const;
export type TaskStatusName = (typeof taskStatuses)[number];

/** Open: someone still has something to do (the subscriber can write, the assistant can act). */
export const openTaskStatuses = [
  "new",
  "in_progress",
  "waiting",
] as const satisfies readonly TaskStatusName[];

export const isTaskOpen = (status: TaskStatusName): boolean =>
  (openTaskStatuses as readonly TaskStatusName[]).includes(status);
