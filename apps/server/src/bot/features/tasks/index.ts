import { Composer } from "grammy";
import type { BotContext } from "../../context.ts";
import { myTasksFeature } from "./my-tasks.ts";
import { newTaskFeature } from "./new-task.ts";
import { taskInboxFeature } from "./task-inbox.ts";
import { workChatFeature } from "./work-chat.ts";

/**
 * Tasks in the bot: the assistants' work chat and private chat, then the subscriber's side. Registered before the AI: while a task is being written or is
 * open, a plain message belongs to it.
 */
export const tasksFeature = new Composer<BotContext>();
// Assistants first: their replies to a task's messages are theirs, not a subscriber's.
tasksFeature.use(workChatFeature);
tasksFeature.use(newTaskFeature);
tasksFeature.use(myTasksFeature);
tasksFeature.use(taskInboxFeature);
