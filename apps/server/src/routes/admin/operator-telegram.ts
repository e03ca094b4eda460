import { errorResponse, snakeKeys, telegramLinkCode, uuidParam } from "@lumen/contracts";
import {
  type CoreContext,
  LumenError,
  startOperatorTelegramLink,
  toActor,
  unlinkOperatorTelegram,
} from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { principalOf, type RequireAuth } from "../../http/auth.ts";
import { noContent } from "../../http/no-content.ts";

const tags = ["operators"];

/**
 * An operator links their own Telegram account (a code they send to a bot), so the bots know them
 * as a reviewer, an assistant or an admin; the owner can unlink anyone's.
 */
export const operatorTelegramRoutes =
  (deps: { core: CoreContext; requireAuth: RequireAuth }): FastifyPluginAsyncZod =>
  async (app) => {
    const signedInOperator = (request: Parameters<typeof principalOf>[0]) => {
      const principal = principalOf(request);
      if (principal.kind !== "admin")
        throw new LumenError("FORBIDDEN", "API keys have no Telegram account; sign in as an operator");
      return principal;
    };

    app.post(
      "/api/v1/auth/telegram-link",
      {
        schema: {
          tags: ["auth"],
          summary: "A code that links your Telegram account when sent to one of the bots",
          response: { 200: telegramLinkCode, 403: errorResponse },
        },
        preHandler: deps.requireAuth("signed-in"),
      },
      async (request) => {
        const actor = toActor(signedInOperator(request), request.ip);
        const started = await startOperatorTelegramLink(deps.core, actor);
        return snakeKeys({
          code: started.code,
          expiresAt: started.expiresAt,
          links: started.bots.map((bot) => ({
            botUsername: bot.username,
            url: `https://t.me/${bot.username}?start=op_${started.code}`,
          })),
        });
      },
    );
    app.delete(
      "/api/v1/auth/telegram-link",
      {
        schema: {
          tags: ["auth"],
          summary: "Unlink your Telegram account",
          response: { 204: noContent, 403: errorResponse },
        },
        preHandler: deps.requireAuth("signed-in"),
      },
      async (request, reply) => {
        const principal = signedInOperator(request);
        await unlinkOperatorTelegram(deps.core, toActor(principal, request.ip), principal.adminId);
        return reply.status(204).send(null);
      },
    );
    app.delete(
      "/api/v1/operators/:id/telegram-link",
      {
        schema: {
          tags,
          summary: "Unlink an operator's Telegram account (owner)",
          params: uuidParam,
          response: { 204: noContent, 403: errorResponse, 404: errorResponse },
        },
        onRequest: deps.requireAuth("owner"),
      },
      async (request, reply) => {
        await unlinkOperatorTelegram(deps.core, toActor(principalOf(request), request.ip), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
