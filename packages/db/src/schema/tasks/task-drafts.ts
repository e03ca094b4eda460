import { jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { at } from "../_columns.ts";
import { users } from "../users/users.ts";
import { type TaskAttachment, taskPriorities } from "./constants.ts";

export const taskDraftSteps = ["text", "deadline", "priority", "confirm"] as const;
export type TaskDraftStep = (typeof taskDraftSteps)[number];

/**
 * A task being written in the bot's guided flow, one per user and bot. Kept in the database,
 * not in a process, so any server instance can take the next message of the flow.
 */
export const taskDrafts = pgTable(
  "task_drafts",
  {
    id: uuid("id").notNull().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    botId: uuid("bot_id").notNull(),
    step: text("step", { enum: taskDraftSteps }).notNull().default("text"),
    text: text("text").notNull().default(""),
    attachments: jsonb("attachments").$type<TaskAttachment[]>().notNull().default([]),
    deadline: at("deadline"),
    priority: text("priority", { enum: taskPriorities }).notNull().default("normal"),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "task_drafts_user_bot_pk", columns: [t.userId, t.botId] })],
);

export type TaskDraftRow = typeof taskDrafts.$inferSelect;
