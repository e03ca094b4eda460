import {
  accessLogPage,
  accessLogQuery,
  channel,
  channelDetail,
  errorResponse,
  snakeKeys,
  updateChannelRequest,
  uuidParam,
} from "@lumen/contracts";
import {
  type CoreContext,
  findChannel,
  getChannel,
  listAccessLog,
  listChannels,
  setChannelJoinMode,
  toActor,
} from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf, type RequireAuth } from "../../http/auth.ts";

export type ChannelRouteDeps = {
  core: CoreContext;
  requireAuth: RequireAuth;
  /** ACCESS_GRACE_MINUTES: a plan keeps its chats this long after it ends. */
  accessGraceMs: number;
};

const tags = ["access"];

export const channelRoutes =
  (deps: ChannelRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const detail = (channelId: string) => getChannel(deps.core, { channelId, graceMs: deps.accessGraceMs });
    app.get(
      "/api/v1/channels",
      {
        schema: {
          tags,
          summary:
            "Channels and groups the bots were added to, with the rights each bot is missing for paid access",
          response: { 200: z.object({ items: z.array(channel) }) },
        },
        preHandler: deps.requireAuth("operator"),
      },
      async () => ({ items: snakeKeys(await listChannels(deps.core)) }),
    );
    app.get(
      "/api/v1/channels/:id",
      {
        schema: {
          tags,
          summary: "A chat: the bot's missing rights, its join mode and who has access now",
          params: uuidParam,
          response: { 200: channelDetail, 404: errorResponse },
        },
        preHandler: deps.requireAuth("operator"),
      },
      async (request) => snakeKeys(await detail(request.params.id)),
    );
    app.get(
      "/api/v1/channels/:id/access-log",
      {
        schema: {
          tags,
          summary:
            "What happened to access in a chat, newest first: links, joins, removals, requests, reminders",
          params: uuidParam,
          querystring: accessLogQuery,
          response: { 200: accessLogPage, 400: errorResponse, 404: errorResponse },
        },
        preHandler: deps.requireAuth("operator"),
      },
      async (request) => {
        const q = request.query;
        const { chatId } = await findChannel(deps.core, request.params.id);
        const page = await listAccessLog(deps.core, {
          chatId,
          kinds: q.kind,
          userId: q.user_id,
          from: q.from,
          to: q.to,
          cursor: q.cursor,
          limit: q.limit,
        });
        return { items: snakeKeys(page.items), next_cursor: page.nextCursor };
      },
    );
    app.patch(
      "/api/v1/channels/:id",
      {
        schema: {
          tags,
          summary: "Choose how subscribers get in: personal invite links or join requests (admin)",
          params: uuidParam,
          body: updateChannelRequest,
          response: { 200: channelDetail, 400: errorResponse, 403: errorResponse, 404: errorResponse },
        },
        preHandler: deps.requireAuth("admin"),
      },
      async (request) => {
        const actor = toActor(principalOf(request), request.ip);
        await setChannelJoinMode(deps.core, actor, {
          channelId: request.params.id,
          joinMode: request.body.join_mode,
        });
        return snakeKeys(await detail(request.params.id));
      },
    );
  };
