import { camelKeys, errorResponse, promo, promoRequest, snakeKeys, uuidParam } from "@lumen/contracts";
import { type CoreContext, createPromo, listPromos, setPromoActive, toActor } from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf, type RequireAuth } from "../../http/auth.ts";

const tags = ["promos"];

export const promoRoutes =
  (deps: { core: CoreContext; requireAuth: RequireAuth }): FastifyPluginAsyncZod =>
  async (app) => {
    const admin = deps.requireAuth("admin");
    app.get(
      "/api/v1/promos",
      {
        schema: {
          tags,
          summary: "Promo codes with their uses",
          response: { 200: z.object({ items: z.array(promo) }) },
        },
        preHandler: deps.requireAuth("operator"),
      },
      async () => ({ items: snakeKeys(await listPromos(deps.core)) }),
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
          summary: "Switch a promo code on or off (admin)",
          params: uuidParam,
          body: z.object({ active: z.boolean() }),
          response: { 200: promo, 404: errorResponse },
        },
        preHandler: admin,
      },
      async (request) =>
        snakeKeys(
          await setPromoActive(deps.core, toActor(principalOf(request), request.ip), {
            promoId: request.params.id,
            active: request.body.active,
          }),
        ),
    );
  };
