import {
  askRequest,
  askResponse,
  creditAdjustmentRequest,
  creditEntry,
  creditsResponse,
  errorResponse,
  listMessagesQuery,
  messageLogEntry,
  snakeKeys,
  trialResponse,
  uuidParam,
} from "@lumen/contracts";
import {
  type AssistantDeps,
  adjustCredits,
  askAssistant,
  type CoreContext,
  getAssistantAccount,
  listMessages,
  startTrial,
  toActor,
} from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf, type RequireAuth } from "../../http/auth.ts";

export type AssistantRouteDeps = { core: CoreContext; assistant: AssistantDeps; requireAuth: RequireAuth };

const tags = ["assistant"];

export const assistantRoutes =
  (deps: AssistantRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const operator = deps.requireAuth("operator");
    app.get(
      "/api/v1/users/:id/credits",
      {
        schema: {
          tags,
          summary: "Credits, trial and plan of a user",
          params: uuidParam,
          response: { 200: creditsResponse, 404: errorResponse },
        },
        preHandler: operator,
      },
      async (request) => {
        const account = await getAssistantAccount(deps.core, deps.assistant.config, request.params.id);
        return {
          balance: account.balance,
          trial_messages_left: account.trial.messagesLeft,
          trial_used: account.trial.used,
          trial_expires_at: account.trial.expiresAt,
          plan: account.plan && snakeKeys(account.plan),
          model: account.model,
          can_ask: account.canAsk,
        };
      },
    );
    app.post(
      "/api/v1/users/:id/credits/adjustments",
      {
        schema: {
          tags,
          summary:
            "Add or remove credits by hand (admin). A repeat with the same idempotency_key changes nothing and returns the first result (200)",
          params: uuidParam,
          body: creditAdjustmentRequest,
          response: {
            200: creditEntry,
            201: creditEntry,
            400: errorResponse,
            402: errorResponse,
            403: errorResponse,
            404: errorResponse,
            409: errorResponse,
          },
        },
        preHandler: deps.requireAuth("admin"),
      },
      async (request, reply) => {
        const { amount, reason, idempotency_key } = request.body;
        const entry = await adjustCredits(deps.core, toActor(principalOf(request), request.ip), {
          userId: request.params.id,
          amount,
          reason,
          idempotencyKey: idempotency_key,
        });
        const { replayed, ...rest } = entry;
        return reply.status(replayed ? 200 : 201).send(snakeKeys(rest));
      },
    );
    app.post(
      "/api/v1/users/:id/trial",
      {
        schema: {
          tags,
          summary: "Start the user's free trial (once per user, ever)",
          params: uuidParam,
          response: { 201: trialResponse, 404: errorResponse, 409: errorResponse },
        },
        preHandler: operator,
      },
      async (request, reply) => {
        const trial = await startTrial(deps.core, deps.assistant.config, request.params.id);
        return reply.status(201).send(snakeKeys(trial));
      },
    );
    app.post(
      "/api/v1/assistant/messages",
      {
        schema: {
          tags,
          summary: "Ask the AI on a user's behalf; charged like a question in the bot",
          body: askRequest,
          response: {
            200: askResponse,
            400: errorResponse,
            402: errorResponse,
            404: errorResponse,
            502: errorResponse,
            503: errorResponse,
          },
        },
        preHandler: operator,
      },
      async (request) => {
        const answer = await askAssistant(deps.core, deps.assistant, {
          userId: request.body.user_id,
          question: request.body.text,
          channel: "api",
        });
        const { text: _text, ...rest } = answer;
        return snakeKeys(rest);
      },
    );
    app.get(
      "/api/v1/users/:id/messages",
      {
        schema: {
          tags,
          summary:
            "The user's questions and answers, newest first; page with ?before=<created_at of the last item>",
          params: uuidParam,
          querystring: listMessagesQuery,
          response: {
            200: z.object({ items: z.array(messageLogEntry), next_before: z.string().nullable() }),
          },
        },
        preHandler: operator,
      },
      async (request) => {
        const { before, limit } = request.query;
        const items = await listMessages(deps.core, { userId: request.params.id, before, limit });
        const last = items.at(-1);
        return {
          items: snakeKeys(items),
          next_before: items.length === limit && last ? last.createdAt.toISOString() : null,
        };
      },
    );
  };
