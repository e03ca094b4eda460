export const taskStatuses = ["new", "in_progress", "waiting", "done", "cancelled"] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const taskPriorities = ["normal", "high"] as const;
export type TaskPriority = (typeof taskPriorities)[number];

export const taskEventKinds = [
  "created",
  "taken",
  "message",
  "waiting",
  "handed_over",
  "done",
  "reopened",
  "rated",
  "cancelled",
] as const;
export type TaskEventKind = (typeof taskEventKinds)[number];

export const taskActorTypes = ["user", "operator", "system"] as const;
export type TaskActorType = (typeof taskActorTypes)[number];

export const taskAttachmentKinds = ["photo", "document", "voice"] as const;
export type TaskAttachmentKind = (typeof taskAttachmentKinds)[number];

/** A file kept by Telegram: the bot resends it by its file id, Lumen never stores the bytes. */
export type TaskAttachment = { kind: TaskAttachmentKind; fileId: string };

export const taskNoticeKinds = ["reminder", "overdue", "untaken"] as const;
export type TaskNoticeKind = (typeof taskNoticeKinds)[number];

export const taskTelegramMessageKinds = ["card", "message", "comment", "ask", "done"] as const;
export type TaskTelegramMessageKind = (typeof taskTelegramMessageKinds)[number];
