import {
  camelKeys,
  cursorPageQuery,
  errorResponse,
  promo,
  promoExportQuery,
  promoListQuery,
  promoPatchRequest,
  promoRedemption,
  promoRequest,
  promoStats,
  snakeKeys,
  uuidParam,
} from "@lumen/contracts";
import {
  type CoreContext,
  createPromo,
  eachPromoStats,
  getPromoStats,
  listPromoRedemptions,
  listPromoStats,
  type PromoStats,
  toActor,
  updatePromo,
} from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf, type RequireAuth } from "../../http/auth.ts";
import { type CsvColumn, sendCsv } from "../../http/csv.ts";

const tags = ["promos"];
const revenueIn = (p: PromoStats, currency: "RUB" | "XTR") =>
  p.revenue.find((r) => r.currency === currency)?.amount ?? 0;

/** The promo codes CSV: one row per code, revenue per currency in separate columns (never summed). */
const csvColumns: CsvColumn<PromoStats>[] = [
  { header: "code", value: (p) => p.code },
  { header: "kind", value: (p) => p.kind },
  { header: "value", value: (p) => p.value },
  { header: "currency", value: (p) => p.currency },
  { header: "active", value: (p) => p.active },
  { header: "uses", value: (p) => p.uses },
  { header: "max_uses", value: (p) => p.maxUses },
  { header: "once_per_user", value: (p) => p.oncePerUser },
  { header: "valid_from", value: (p) => p.validFrom },
  { header: "valid_to", value: (p) => p.validTo },
  { header: "paid_orders", value: (p) => p.paidOrders },
  { header: "revenue_rub_kopecks", value: (p) => revenueIn(p, "RUB") },
  { header: "revenue_xtr_stars", value: (p) => revenueIn(p, "XTR") },
  { header: "created_at", value: (p) => p.createdAt },
];

export const promoRoutes =
  (deps: { core: CoreContext; requireAuth: RequireAuth }): FastifyPluginAsyncZod =>
  async (app) => {
    const admin = deps.requireAuth("admin");
    const operator = deps.requireAuth("operator");
    app.get(
      "/api/v1/promos",
      {
        schema: {
          tags,
          summary: "Promo codes, newest first, with their uses and the revenue of the orders that used them",
          querystring: promoListQuery,
          response: {
            200: z.object({ items: z.array(promoStats), next_cursor: z.string().nullable() }),
            400: errorResponse,
          },
        },
        preHandler: operator,
      },
      async (request) => {
        const page = await listPromoStats(deps.core.db, request.query);
        return { items: snakeKeys(page.items), next_cursor: page.nextCursor };
      },
    );
    app.get(
      "/api/v1/promos/export.csv",
      {
        schema: {
          tags,
          summary: "Promo codes with uses and revenue as CSV (admin), streamed, with the list's filters",
          querystring: promoExportQuery,
          response: { 400: errorResponse, 403: errorResponse },
        },
        preHandler: admin,
      },
      async (request, reply) =>
        sendCsv(
          reply,
          "promo-codes",
          csvColumns,
          eachPromoStats(deps.core.db, request.query),
          deps.core.clock.now(),
        ),
    );
    app.get(
      "/api/v1/promos/:id",
      {
        schema: {
          tags,
          summary: "One promo code with its uses and revenue",
          params: uuidParam,
          response: { 200: promoStats, 404: errorResponse },
        },
        preHandler: operator,
      },
      async (request) => snakeKeys(await getPromoStats(deps.core.db, request.params.id)),
    );
    app.get(
      "/api/v1/promos/:id/redemptions",
      {
        schema: {
          tags,
          summary: "Who used a promo code and on which order, newest first",
          params: uuidParam,
          querystring: cursorPageQuery,
          response: {
            200: z.object({ items: z.array(promoRedemption), next_cursor: z.string().nullable() }),
            400: errorResponse,
            404: errorResponse,
          },
        },
        preHandler: operator,
      },
      async (request) => {
        await getPromoStats(deps.core.db, request.params.id);
        const page = await listPromoRedemptions(deps.core.db, {
          promoId: request.params.id,
          ...request.query,
        });
        return { items: snakeKeys(page.items), next_cursor: page.nextCursor };
      },
    );
    app.post(
      "/api/v1/promos",
      {
        schema: {
          tags,
          summary: "Create a promo code (admin)",
          body: promoRequest,
          response: { 201: promo, 400: errorResponse, 409: errorResponse },
        },
        preHandler: admin,
      },
      async (request, reply) => {
        const created = await createPromo(
          deps.core,
          toActor(principalOf(request), request.ip),
          camelKeys(request.body),
        );
        return reply.status(201).send(snakeKeys(created));
      },
    );
    app.patch(
      "/api/v1/promos/:id",
      {
        schema: {
          tags,
          summary: "Change a promo code's terms or switch it on or off (admin); the code and its kind stay",
          params: uuidParam,
          body: promoPatchRequest,
          response: { 200: promo, 400: errorResponse, 404: errorResponse },
        },
        preHandler: admin,
      },
      async (request) =>
        snakeKeys(
          await updatePromo(deps.core, toActor(principalOf(request), request.ip), {
            promoId: request.params.id,
            patch: camelKeys(request.body),
          }),
        ),
    );
  };
