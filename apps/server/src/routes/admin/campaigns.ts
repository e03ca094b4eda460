import { camelKeys, campaign, campaignRequest, errorResponse, snakeKeys } from "@lumen/contracts";
import { type CoreContext, listCampaigns, toActor, updateCampaign } from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf, type RequireAuth } from "../../http/auth.ts";

const tags = ["broadcasts"];
const botParam = z.object({ botId: z.uuid() });
const kindParam = botParam.extend({
  kind: z.enum(["trial_ending", "checkout_abandoned", "winback", "newcomer"]),
});

/** A bot's automated campaigns: each on or off, its wording and delay, and what it has sent. */
export const campaignRoutes =
  (deps: { core: CoreContext; requireAuth: RequireAuth }): FastifyPluginAsyncZod =>
  async (app) => {
    const operator = deps.requireAuth("operator");
    app.get(
      "/api/v1/bots/:botId/campaigns",
      {
        schema: {
          tags,
          summary: "The bot's automated campaigns with their settings and results",
          params: botParam,
          response: { 200: z.object({ items: z.array(campaign) }), 400: errorResponse },
        },
        preHandler: operator,
      },
      async (request) => ({ items: snakeKeys(await listCampaigns(deps.core, request.params.botId)) }),
    );
    app.put(
      "/api/v1/bots/:botId/campaigns/:kind",
      {
        schema: {
          tags,
          summary: "Turn a campaign on or off, word it and set its delay",
          params: kindParam,
          body: campaignRequest,
          response: { 200: campaign, 400: errorResponse, 403: errorResponse },
        },
        preHandler: operator,
      },
      async (request) =>
        snakeKeys(
          (await updateCampaign(deps.core, toActor(principalOf(request), request.ip), {
            ...camelKeys(request.body),
            botId: request.params.botId,
            kind: request.params.kind,
          })) as NonNullable<Awaited<ReturnType<typeof updateCampaign>>>,
        ),
    );
  };
