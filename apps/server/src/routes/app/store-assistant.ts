import {
  errorResponse,
  type StoreAnswerDone,
  type StoreAnswerError,
  storeBotParam,
  storeChatHistory,
  storeQuestion,
} from "@lumen/contracts";
import {
  type AssistantDeps,
  askAssistant,
  type CoreContext,
  enforceRateLimits,
  getAssistantAccount,
  getAssistantPreferences,
  isLumenError,
  listMessages,
  startNewConversation,
} from "@lumen/core";
import type { preHandlerAsyncHookHandler } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { buyerOf } from "../../http/buyer-auth.ts";
import { openEventStream } from "../../http/event-stream.ts";

export type StoreAssistantDeps = {
  core: CoreContext;
  assistant: AssistantDeps;
  requireBuyer: preHandlerAsyncHookHandler;
  /** BOT_QUESTIONS_PER_MINUTE: shared with the bot, so the app is no way around the limit. */
  questionsPerMinute: number;
};

const tags = ["store"];
const denied = { 401: errorResponse, 403: errorResponse, 404: errorResponse };
const HISTORY_LIMIT = 50;

/** Messages a buyer can act on; anything unexpected is logged and shown as a generic failure. */
function errorEventOf(error: unknown): StoreAnswerError | null {
  if (!isLumenError(error)) return null;
  switch (error.code) {
    case "INSUFFICIENT_CREDITS":
      return { code: error.code, message: "Not enough credits for this question; top up in the store" };
    case "UPSTREAM_FAILED":
      return { code: error.code, message: "The AI did not answer; nothing was charged" };
    case "SERVICE_UNAVAILABLE":
      return { code: error.code, message: "The AI assistant is not available right now" };
    case "FORBIDDEN":
      return { code: error.code, message: "You cannot use the assistant" };
    default:
      return null;
  }
}

/**
 * The assistant's chat in the store: a question is reserved, answered and committed by the same
 * verb as in the bot, and the answer reaches the page as SSE `delta` events while it is written,
 * then one `done` (the charge) or `error` (nothing charged).
 */
export const storeAssistantRoutes =
  (deps: StoreAssistantDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const preHandler = deps.requireBuyer;
    app.post(
      "/api/v1/app/:bot_id/assistant/messages",
      {
        schema: {
          tags,
          summary:
            "Ask the AI; the answer comes as text/event-stream: `delta` {text} events, then `done` or `error` {code, message}",
          params: storeBotParam,
          body: storeQuestion,
          response: { 400: errorResponse, 429: errorResponse, ...denied },
        },
        preHandler,
      },
      async (request, reply) => {
        const { user, botId } = buyerOf(request);
        await enforceRateLimits(deps.core, [
          { key: `bot:question:${user.telegramId}`, limit: deps.questionsPerMinute, windowMs: 60_000 },
        ]);
        const stream = openEventStream(reply);
        let sent = "";
        // The model gives the whole text so far; the page gets what is new. A retry after a
        // failed attempt starts the text again, so the page is told to start over too.
        const show = (textSoFar: string) => {
          if (!textSoFar.startsWith(sent)) {
            stream.send("reset", {});
            sent = "";
          }
          if (textSoFar.length > sent.length) stream.send("delta", { text: textSoFar.slice(sent.length) });
          sent = textSoFar;
        };
        try {
          const answer = await askAssistant(deps.core, deps.assistant, {
            userId: user.id,
            question: request.body.question,
            channel: "app",
            botId,
            onDelta: show,
            // A page closed before the answer arrived is not charged, as in the bot.
            deliver: async (text) => {
              if (stream.ended) throw new Error("The page closed before the answer arrived");
              show(text);
            },
          });
          const account = await getAssistantAccount(deps.core, deps.assistant.config, user.id);
          const done: StoreAnswerDone = {
            message_id: answer.messageId,
            charged_from: answer.chargedFrom,
            balance: account.balance,
            trial_messages_left: account.trial.messagesLeft,
          };
          stream.send("done", done);
        } catch (error) {
          const event = errorEventOf(error);
          if (stream.ended) return;
          if (!event) request.log.error({ err: error }, "store assistant answer failed");
          stream.send("error", event ?? { code: "INTERNAL", message: "Something went wrong" });
        } finally {
          stream.end();
        }
      },
    );
    app.get(
      "/api/v1/app/:bot_id/assistant/messages",
      {
        schema: {
          tags,
          summary: "The buyer's current conversation with the AI, oldest first",
          params: storeBotParam,
          response: { 200: storeChatHistory, ...denied },
        },
        preHandler,
      },
      async (request) => {
        const { user } = buyerOf(request);
        const prefs = await getAssistantPreferences(deps.core.db, deps.assistant.config, user.id);
        const rows = await listMessages(deps.core, {
          userId: user.id,
          since: prefs.conversationStartedAt,
          limit: HISTORY_LIMIT,
        });
        const items = rows
          .filter((row) => row.status === "delivered")
          .reverse()
          .map((row) => ({
            id: row.id,
            question: row.question,
            answer: row.answer ?? "",
            created_at: row.createdAt,
          }));
        return { items };
      },
    );
    app.post(
      "/api/v1/app/:bot_id/assistant/new",
      {
        schema: {
          tags,
          summary: "Start a new conversation: earlier turns are no longer sent to the AI (the bot's /new)",
          params: storeBotParam,
          response: { 204: z.null(), ...denied },
        },
        preHandler,
      },
      async (request, reply) => {
        const { user } = buyerOf(request);
        await startNewConversation(deps.core, user.id);
        return reply.status(204).send(null);
      },
    );
  };
