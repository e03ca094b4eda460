import { channel, errorResponse, snakeKeys, uuidParam } from "@lumen/contracts";
import { type CoreContext, listChannels, setChannelJoinMode, toActor } from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf, type RequireAuth } from "../../http/auth.ts";

export const channelRoutes =
  (deps: { core: CoreContext; requireAuth: RequireAuth }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/v1/channels",
      {
        schema: {
          tags: ["access"],
          summary:
            "Channels and groups the bots were added to, with the rights each bot is missing for paid access",
          response: { 200: z.object({ items: z.array(channel) }) },
        },
        preHandler: deps.requireAuth("operator"),
      },
      async () => ({ items: snakeKeys(await listChannels(deps.core)) }),
    );
    app.patch(
      "/api/v1/channels/:id",
      {
        schema: {
          tags: ["access"],
          summary: "Choose how subscribers get in: personal invite links or join requests (admin)",
          params: uuidParam,
          body: z.object({ join_mode: z.enum(["invite_link", "join_request"]) }),
          response: { 200: channel, 404: errorResponse },
        },
        preHandler: deps.requireAuth("admin"),
      },
      async (request) => {
        const actor = toActor(principalOf(request), request.ip);
        await setChannelJoinMode(deps.core, actor, {
          channelId: request.params.id,
          joinMode: request.body.join_mode,
        });
        const updated = (await listChannels(deps.core)).find((c) => c.id === request.params.id);
        return snakeKeys(updated as NonNullable<typeof updated>);
      },
    );
  };
