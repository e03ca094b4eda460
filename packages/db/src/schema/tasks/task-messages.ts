import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, idColumn } from "../_columns.ts";
import { type TaskAttachment, taskActorTypes, taskTelegramMessageKinds } from "./constants.ts";
import { tasks } from "./tasks.ts";

/** The conversation of a task: what the subscriber and the assistants wrote, in order. */
export const taskMessages = pgTable(
  "task_messages",
  {
    id: idColumn(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    authorType: text("author_type", { enum: taskActorTypes }).notNull(),
    /** The operator who wrote it; null for the subscriber and the system. */
    operatorId: uuid("operator_id"),
    text: text("text").notNull().default(""),
    attachments: jsonb("attachments").$type<TaskAttachment[]>().notNull().default([]),
    /** A client's key for writing it: the same key twice writes one message. */
    idempotencyKey: text("idempotency_key"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("task_messages_task_idx").on(t.taskId, t.createdAt),
    uniqueIndex("task_messages_idempotency_idx").on(t.taskId, t.idempotencyKey),
  ],
);

export type TaskMessageRow = typeof taskMessages.$inferSelect;

/**
 * Which task a Telegram message shown to an assistant belongs to, so a reply to it (in the
 * work chat or a private chat) reaches that task's subscriber.
 */
export const taskTelegramMessages = pgTable(
  "task_telegram_messages",
  {
    chatId: bigint("chat_id", { mode: "number" }).notNull(),
    messageId: integer("message_id").notNull(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    /**
     * card: the work chat's card (edited when taken); message: a relayed message (a reply to it
     * writes to the other side); comment, ask, done: a prompt whose reply is a rating comment,
     * a question to the subscriber, the result.
     */
    kind: text("kind", { enum: taskTelegramMessageKinds }).notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.chatId, t.messageId] }),
    index("task_telegram_messages_task_idx").on(t.taskId),
  ],
);
