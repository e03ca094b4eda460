import { channel, snakeKeys } from "@lumen/contracts";
import { type CoreContext, listChannels } from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { RequireAuth } from "../../http/auth.ts";

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
  };
