import {
  errorResponse,
  playgroundJoinRequestResult,
  playgroundMiniAppLaunch,
  playgroundMiniAppRequest,
  playgroundUserParam,
} from "@lumen/contracts";
import { LumenError } from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { demoChannel } from "../../playground/demo-world.ts";
import type { PlaygroundRouteDeps } from "./playground.ts";

const tags = ["playground"];

/**
 * The page of the store a web_app button names, on this server: the part after `/app/<bot id>/`
 * (the button may carry PUBLIC_URL's host, or none when there is no public address).
 */
function storePage(url: string | undefined, botId: string): string {
  if (!url) return "";
  const marker = `/app/${botId}/`;
  const at = url.indexOf(marker);
  if (at < 0) throw new LumenError("VALIDATION_FAILED", "is not the demo bot's Mini App", { field: "url" });
  return url.slice(at + marker.length);
}

/**
 * Opening the demo bot's Mini App as a test user, and asking to join the demo channel. The launch
 * data is signed by the emulator with the demo bot's token, as Telegram signs it, and dated by
 * Lumen's clock so it stays fresh after time travel.
 */
export const playgroundMiniAppRoutes =
  (deps: PlaygroundRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { playground: pg } = deps;
    const { tg, bot } = pg;
    const preHandler = deps.requireAuth("operator");

    app.post(
      "/api/v1/playground/chats/:user_id/mini-app",
      {
        schema: {
          tags,
          summary: "The test user opens the demo bot's Mini App (a web_app button or the menu button)",
          params: playgroundUserParam,
          body: playgroundMiniAppRequest,
          response: { 200: playgroundMiniAppLaunch, 400: errorResponse, 404: errorResponse },
        },
        preHandler,
      },
      async (request) => {
        const user = pg.testUser(request.params.user_id);
        const botId = pg.botId();
        const page = storePage(request.body.url, botId);
        return { url: pg.miniAppUrl(user.id, `/app/${botId}/${page}`) };
      },
    );

    app.post(
      "/api/v1/playground/chats/:user_id/join-request",
      {
        schema: {
          tags,
          summary:
            "The test user asks to join the demo channel; the bot approves, declines or offers the plan",
          params: playgroundUserParam,
          response: { 200: playgroundJoinRequestResult, 400: errorResponse, 404: errorResponse },
        },
        preHandler,
      },
      async (request) => {
        const user = pg.testUser(request.params.user_id);
        try {
          await tg.sendJoinRequest(bot, user.id, demoChannel.id);
        } catch (error) {
          throw new LumenError("VALIDATION_FAILED", (error as Error).message, { field: "user_id" });
        }
        pg.events.emit({ kind: "changed", chatId: demoChannel.id });
        return { status: tg.memberStatus(demoChannel.id, user.id) };
      },
    );
  };
