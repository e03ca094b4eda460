import { boundedInt, errorResponse, limits, snakeKeys, uuidParam } from "@lumen/contracts";
import {
  type CoreContext,
  getPartnerStats,
  getUser,
  type ReferralSettings,
  recordPayout,
  toActor,
} from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf, type RequireAuth } from "../../http/auth.ts";

const money = z.object({
  currency: z.enum(["XTR", "RUB"]),
  revenue: z.number().int(),
  earned: z.number().int(),
  held: z.number().int(),
  paid_out: z.number().int(),
  due: z.number().int(),
});
const partnerStats = z.object({
  code: z.string().nullable(),
  clicks: z.number().int(),
  signups: z.number().int(),
  paying_users: z.number().int(),
  money: z.array(money),
});
const tags = ["referrals"];

export const partnerRoutes =
  (deps: {
    core: CoreContext;
    referrals: ReferralSettings;
    requireAuth: RequireAuth;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/v1/partners/:id",
      {
        schema: {
          tags,
          summary: "A partner's clicks, sign-ups, paying users, revenue and commission",
          params: uuidParam,
          response: { 200: partnerStats, 404: errorResponse },
        },
        preHandler: deps.requireAuth("operator"),
      },
      async (request) => {
        await getUser(deps.core.db, request.params.id);
        return snakeKeys(
          await getPartnerStats(deps.core.db, deps.referrals, {
            partnerUserId: request.params.id,
            now: deps.core.clock.now(),
          }),
        );
      },
    );
    app.post(
      "/api/v1/partners/:id/payouts",
      {
        schema: {
          tags,
          summary: "Record a commission payout to a partner (admin); never more than is due",
          params: uuidParam,
          body: z.object({
            amount: boundedInt(1, limits.money),
            currency: z.enum(["XTR", "RUB"]),
            note: z.string().max(500).optional(),
            idempotency_key: z.string().min(1).max(200),
          }),
          response: { 200: partnerStats, 201: partnerStats, 404: errorResponse, 409: errorResponse },
        },
        preHandler: deps.requireAuth("admin"),
      },
      async (request, reply) => {
        const partnerUserId = request.params.id;
        await getUser(deps.core.db, partnerUserId);
        const { amount, currency, note, idempotency_key } = request.body;
        const result = await recordPayout(
          deps.core,
          toActor(principalOf(request), request.ip),
          deps.referrals,
          {
            partnerUserId,
            amount,
            currency,
            note: note ?? null,
            idempotencyKey: idempotency_key,
          },
        );
        const stats = await getPartnerStats(deps.core.db, deps.referrals, {
          partnerUserId,
          now: deps.core.clock.now(),
        });
        return reply.status(result.replayed ? 200 : 201).send(snakeKeys(stats));
      },
    );
  };
