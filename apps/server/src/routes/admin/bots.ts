import { bot, createBotRequest, errorResponse, snakeKeys } from "@lumen/contracts";
import { type CoreContext, listBots, toActor } from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { BotRuntime } from "../../bot/bot-runtime.ts";
import { principalOf, type RequireAuth } from "../../http/auth.ts";

export type BotRouteDeps = { core: CoreContext; bots: BotRuntime; requireAuth: RequireAuth };

const tags = ["bots"];

export const botRoutes =
  (deps: BotRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/v1/bots",
      {
        schema: {
          tags,
          summary: "List the bots (admin)",
          response: { 200: z.object({ items: z.array(bot) }) },
        },
        preHandler: deps.requireAuth("admin"),
      },
      async () => ({ items: snakeKeys(await listBots(deps.core)) }),
    );
    app.post(
      "/api/v1/bots",
      {
        schema: {
          tags,
          summary:
            "Add a bot by its @BotFather token, or update the token of a known bot (owner); it starts at once",
          body: createBotRequest,
          response: { 200: bot, 201: bot, 400: errorResponse, 403: errorResponse, 502: errorResponse },
        },
        preHandler: deps.requireAuth("owner"),
      },
      async (request, reply) => {
        const saved = await deps.bots.addBot(toActor(principalOf(request), request.ip), request.body);
        return reply.status(saved.created ? 201 : 200).send(snakeKeys(saved));
      },
    );
  };
