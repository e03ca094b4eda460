import { z } from "zod";
import { timestamp } from "./common.ts";

/**
 * The AI assistant in the store: the same questions, charges and conversation as in the bot,
 * answered over Server-Sent Events so the page can show the answer as it is written.
 */

export const storeQuestion = z
  .object({ question: z.string().trim().min(1).max(4000) })
  .meta({ id: "StoreQuestion" });

/** The `data` of an SSE `delta` event: the next piece of the answer. */
export const storeAnswerDelta = z.object({ text: z.string() }).meta({ id: "StoreAnswerDelta" });

/** The `data` of the SSE `done` event: what the answer cost and what is left. */
export const storeAnswerDone = z
  .object({
    message_id: z.uuid(),
    charged_from: z.enum(["plan", "trial", "credits"]),
    balance: z.number().int(),
    trial_messages_left: z.number().int(),
  })
  .meta({ id: "StoreAnswerDone" });

/** The `data` of the SSE `error` event; nothing is charged when it comes. */
export const storeAnswerError = z
  .object({ code: z.string(), message: z.string() })
  .meta({ id: "StoreAnswerError" });

export const storeChatMessage = z
  .object({
    id: z.uuid(),
    question: z.string(),
    answer: z.string(),
    created_at: timestamp,
  })
  .meta({ id: "StoreChatMessage" });

/** The current conversation, oldest first. */
export const storeChatHistory = z
  .object({ items: z.array(storeChatMessage) })
  .meta({ id: "StoreChatHistory" });

export type StoreAnswerDone = z.infer<typeof storeAnswerDone>;
export type StoreAnswerError = z.infer<typeof storeAnswerError>;
export type StoreChatMessage = z.infer<typeof storeChatMessage>;
