import { type CoreContext, LumenError, recordLinkClick } from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";

/**
 * A broadcast's URL button leads here first (`/r/<delivery>/<button>`, personal to each recipient):
 * the press is counted for the report, then the browser goes on to the button's address.
 */
export const broadcastLinkRoutes =
  (deps: { core: CoreContext }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/r/:deliveryId/:button",
      {
        schema: {
          tags: ["broadcasts"],
          summary: "A broadcast's link button: counts the press and redirects to its address",
          params: z.object({ deliveryId: z.uuid(), button: z.coerce.number().int().min(0).max(7) }),
        },
      },
      async (request, reply) => {
        const url = await recordLinkClick(deps.core, request.params);
        if (!url) throw new LumenError("NOT_FOUND", "This link is not known");
        return reply.redirect(url, 302);
      },
    );
  };
