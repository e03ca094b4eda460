import {
  bot,
  botList,
  botWebhookStatus,
  createBotRequest,
  errorResponse,
  snakeKeys,
  updateBotRequest,
  uuidParam,
} from "@lumen/contracts";
import { type CoreContext, getBot, LumenError, listBots, toActor, updateBot } from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { GrammyError } from "grammy";
import type { BotApis } from "../../bot/bot-apis.ts";
import type { BotRuntime } from "../../bot/bot-runtime.ts";
import { principalOf, type RequireAuth } from "../../http/auth.ts";

export type BotRouteDeps = {
  core: CoreContext;
  bots: BotRuntime;
  botApis: BotApis;
  requireAuth: RequireAuth;
  mode: "polling" | "webhook";
  publicUrl: string | undefined;
};

const tags = ["bots"];
/** Telegram opens Mini Apps over HTTPS only: the bots leave their Mini App buttons out otherwise. */
const miniAppReach = (publicUrl: string | undefined): "https" | "no_public_url" | "not_https" =>
  !publicUrl ? "no_public_url" : publicUrl.startsWith("https://") ? "https" : "not_https";
const fromUnix = (seconds: number | undefined) => (seconds ? new Date(seconds * 1000) : null);

export const botRoutes =
  (deps: BotRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const admin = deps.requireAuth("admin");
    app.get(
      "/api/v1/bots",
      {
        schema: { tags, summary: "List the bots (admin)", response: { 200: botList } },
        preHandler: admin,
      },
      async () => ({
        items: snakeKeys(await listBots(deps.core)),
        mode: deps.mode,
        mini_app: miniAppReach(deps.publicUrl),
      }),
    );
    app.get(
      "/api/v1/bots/:id",
      {
        schema: {
          tags,
          summary: "One bot (admin)",
          params: uuidParam,
          response: { 200: bot, 404: errorResponse },
        },
        preHandler: admin,
      },
      async (request) => snakeKeys(await getBot(deps.core, request.params.id)),
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
    app.patch(
      "/api/v1/bots/:id",
      {
        schema: {
          tags,
          summary: "Turn a bot on or off, or choose its features (admin); it restarts with them",
          params: uuidParam,
          body: updateBotRequest,
          response: { 200: bot, 400: errorResponse, 403: errorResponse, 404: errorResponse },
        },
        preHandler: admin,
      },
      async (request) => {
        const { notice_chat_id, notice_locale, ...rest } = request.body;
        const updated = await updateBot(deps.core, toActor(principalOf(request), request.ip), {
          botId: request.params.id,
          ...rest,
          noticeChatId: notice_chat_id,
          noticeLocale: notice_locale,
        });
        await deps.bots.reloadBot(updated.id);
        return snakeKeys(updated);
      },
    );
    app.get(
      "/api/v1/bots/:id/webhook",
      {
        schema: {
          tags,
          summary:
            "The bot's delivery status from Telegram's getWebhookInfo: last error, pending updates (admin)",
          params: uuidParam,
          response: { 200: botWebhookStatus, 404: errorResponse, 502: errorResponse },
        },
        preHandler: admin,
      },
      async (request) => {
        await getBot(deps.core, request.params.id);
        const api = await deps.botApis.apiFor(request.params.id);
        const info = await api.getWebhookInfo().catch((error: unknown) => {
          const refused = error instanceof GrammyError && error.error_code === 401;
          throw new LumenError(
            "UPSTREAM_FAILED",
            refused ? "Telegram no longer accepts this bot's token" : "Could not reach Telegram",
          );
        });
        return {
          mode: deps.mode,
          url: info.url ?? "",
          pending_update_count: info.pending_update_count,
          last_error_date: fromUnix(info.last_error_date),
          last_error_message: info.last_error_message ?? null,
          last_synchronization_error_date: fromUnix(info.last_synchronization_error_date),
          max_connections: info.max_connections ?? null,
          allowed_updates: info.allowed_updates ?? null,
        };
      },
    );
  };
