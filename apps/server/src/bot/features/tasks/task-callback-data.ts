/**
 * Callback data of the tasks screens, "task:<action>[:<value>]", 64 bytes at most: built and
 * parsed here only.
 */
const UUID = "[0-9a-f-]{36}";

export const newTaskData = "task:new";
export const myTasksData = "task:list";
export const draftNextData = "task:next";
export const draftDiscardData = "task:drop";
export const draftCreateData = "task:create";

export const deadlineChoices = ["3h", "24h", "3d", "none"] as const;
export type DeadlineChoice = (typeof deadlineChoices)[number];
export const deadlineData = (choice: DeadlineChoice) => `task:dl:${choice}`;
export const deadlineDataPattern = /^task:dl:(3h|24h|3d|none)$/;

export const priorityData = (priority: "normal" | "high") => `task:pr:${priority}`;
export const priorityDataPattern = /^task:pr:(normal|high)$/;

export type TaskAction =
  | "open"
  | "cancel"
  | "accept"
  | "reopen"
  | "ai"
  | "take"
  | "ask"
  | "done"
  | "hand"
  | "free";
export const taskActionData = (action: TaskAction, id: string) => `task:${action}:${id}`;
export const taskActionPattern = (action: TaskAction) => new RegExp(`^task:${action}:(${UUID})$`);

export const rateData = (taskId: string, rating: number) => `task:rate:${taskId}:${rating}`;
export const rateDataPattern = new RegExp(`^task:rate:(${UUID}):([1-5])$`);

/** Hand a task over to the assistant with this Telegram account (ids, not emails, fit in 64 bytes). */
export const handToData = (taskId: string, telegramId: number) => `task:to:${taskId}:${telegramId}`;
export const handToPattern = new RegExp(`^task:to:(${UUID}):(\\d{1,15})$`);
