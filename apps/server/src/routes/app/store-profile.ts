import {
  errorResponse,
  snakeKeys,
  storeBotParam,
  storeLanguageRequest,
  storePartner,
} from "@lumen/contracts";
import {
  type CoreContext,
  getBot,
  getOrCreateReferralCode,
  getPartnerStats,
  type ReferralSettings,
  setUserLocale,
} from "@lumen/core";
import type { preHandlerAsyncHookHandler } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { buyerOf } from "../../http/buyer-auth.ts";
import { noContent } from "../../http/no-content.ts";

const tags = ["store"];
const denied = { 401: errorResponse, 403: errorResponse, 404: errorResponse };

/** The buyer's own settings in the store: their partner link and stats (as /partner), and their language (as /language). */
export const storeProfileRoutes =
  (deps: {
    core: CoreContext;
    referrals: ReferralSettings;
    requireBuyer: preHandlerAsyncHookHandler;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const preHandler = deps.requireBuyer;
    app.get(
      "/api/v1/app/:bot_id/partner",
      {
        schema: {
          tags,
          summary:
            "The buyer's referral link and what it brought: clicks, sign-ups, paying users, commission",
          params: storeBotParam,
          response: { 200: storePartner, ...denied },
        },
        preHandler,
      },
      async (request) => {
        const { user } = buyerOf(request);
        const [code, bot] = await Promise.all([
          getOrCreateReferralCode(deps.core.db, user.id),
          getBot(deps.core, request.params.bot_id),
        ]);
        const stats = await getPartnerStats(deps.core.db, deps.referrals, {
          partnerUserId: user.id,
          now: deps.core.clock.now(),
        });
        return snakeKeys({
          link: `https://t.me/${bot.username}?start=ref_${code}`,
          clicks: stats.clicks,
          signups: stats.signups,
          payingUsers: stats.payingUsers,
          money: stats.money,
          percent: deps.referrals.percent,
          holdDays: deps.referrals.holdDays,
        });
      },
    );
    app.put(
      "/api/v1/app/:bot_id/language",
      {
        schema: {
          tags,
          summary: "The language the bot and the store speak to the buyer",
          params: storeBotParam,
          body: storeLanguageRequest,
          response: { 204: noContent, 400: errorResponse, ...denied },
        },
        preHandler,
      },
      async (request, reply) => {
        await setUserLocale(deps.core, { userId: buyerOf(request).user.id, locale: request.body.locale });
        return reply.status(204).send(null);
      },
    );
  };
