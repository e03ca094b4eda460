import {
  boundedInt,
  errorResponse,
  limits,
  partnerExportQuery,
  partnerListQuery,
  partnerRow,
  snakeKeys,
  uuidParam,
} from "@lumen/contracts";
import {
  type CoreContext,
  eachPartner,
  getPartnerStats,
  getUser,
  listPartners,
  type PartnerRow,
  type ReferralSettings,
  recordPayout,
  toActor,
} from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf, type RequireAuth } from "../../http/auth.ts";
import { type CsvColumn, sendCsv } from "../../http/csv.ts";

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

const moneyIn = (p: PartnerRow, currency: "RUB" | "XTR") => p.money.find((m) => m.currency === currency);
/** The partners CSV: money per currency in separate columns, RUB in kopecks, Stars whole. */
const csvColumns: CsvColumn<PartnerRow>[] = [
  { header: "user_id", value: (p) => p.userId },
  { header: "telegram_id", value: (p) => p.telegramId },
  { header: "name", value: (p) => p.firstName },
  { header: "username", value: (p) => p.username },
  { header: "code", value: (p) => p.code },
  { header: "clicks", value: (p) => p.clicks },
  { header: "signups", value: (p) => p.signups },
  { header: "paying_users", value: (p) => p.payingUsers },
  ...(["RUB", "XTR"] as const).flatMap((currency) =>
    (["revenue", "held", "earned", "paidOut", "due"] as const).map((field) => ({
      header: `${field === "paidOut" ? "paid_out" : field}_${currency.toLowerCase()}`,
      value: (p: PartnerRow) => moneyIn(p, currency)?.[field] ?? 0,
    })),
  ),
  { header: "partner_since", value: (p) => p.createdAt },
];

export const partnerRoutes =
  (deps: {
    core: CoreContext;
    referrals: ReferralSettings;
    requireAuth: RequireAuth;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/v1/partners",
      {
        schema: {
          tags,
          summary: "Partners with clicks, sign-ups, paying users, revenue and commission held and due",
          querystring: partnerListQuery,
          response: {
            200: z.object({ items: z.array(partnerRow), next_cursor: z.string().nullable() }),
            400: errorResponse,
          },
        },
        preHandler: deps.requireAuth("operator"),
      },
      async (request) => {
        const page = await listPartners(deps.core.db, deps.referrals, {
          ...request.query,
          now: deps.core.clock.now(),
        });
        return { items: snakeKeys(page.items), next_cursor: page.nextCursor };
      },
    );
    app.get(
      "/api/v1/partners/export.csv",
      {
        schema: {
          tags,
          summary: "Partners with their figures as CSV (admin), streamed, with the list's filters",
          querystring: partnerExportQuery,
          response: { 400: errorResponse, 403: errorResponse },
        },
        preHandler: deps.requireAuth("admin"),
      },
      async (request, reply) => {
        const now = deps.core.clock.now();
        return sendCsv(
          reply,
          "partners",
          csvColumns,
          eachPartner(deps.core.db, deps.referrals, { ...request.query, now }),
          now,
        );
      },
    );
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
