import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Update } from "grammy/types";
import { z } from "zod";
import type { BotRuntime } from "../../bot/bot-runtime.ts";

/** Telegram's webhook calls. The path names our bot id, never the token, so logs hold no secret. */
export const telegramWebhookRoutes =
  (deps: { bots: BotRuntime }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/telegram/:botId",
      {
        schema: {
          hide: true,
          params: z.object({ botId: z.uuid() }),
          body: z.looseObject({ update_id: z.number().int() }),
        },
      },
      async (request, reply) => {
        const secret = request.headers["x-telegram-bot-api-secret-token"];
        await deps.bots.handleWebhook(
          request.params.botId,
          typeof secret === "string" ? secret : undefined,
          request.body as unknown as Update,
        );
        return reply.status(200).send({ ok: true });
      },
    );
  };
