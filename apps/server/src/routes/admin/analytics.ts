import { dashboard, dashboardQuery, errorResponse, productFunnel, snakeKeys } from "@lumen/contracts";
import { type CoreContext, type Dashboard, getDashboard, readProductFunnel } from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RequireAuth } from "../../http/auth.ts";

/** Drill filters are list URL params, already snake_case: renaming keys leaves them as they are. */
const show = (d: Dashboard) => snakeKeys(d);

export const analyticsRoutes =
  (deps: { core: CoreContext; requireAuth: RequireAuth }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/v1/analytics/dashboard",
      {
        schema: {
          tags: ["analytics"],
          summary:
            "Revenue per currency by day, orders, users, conversion, subscriptions, AI use, top products and flags for a period, each with the list filter behind it",
          querystring: dashboardQuery,
          response: { 200: dashboard, 400: errorResponse },
        },
        preHandler: deps.requireAuth("operator"),
      },
      async (request) => {
        const { from, to, tz, bot_id } = request.query;
        return show(await getDashboard(deps.core, { from, to, tz, botId: bot_id }));
      },
    );
    app.get(
      "/api/v1/analytics/funnel",
      {
        schema: {
          tags: ["analytics"],
          summary: "Per product: buyers who viewed it in the store, began a checkout, and paid, in a period",
          querystring: dashboardQuery,
          response: { 200: productFunnel, 400: errorResponse },
        },
        preHandler: deps.requireAuth("operator"),
      },
      async (request) => {
        const { from, to, tz, bot_id } = request.query;
        const items = await readProductFunnel(deps.core.db, deps.core.clock.now(), {
          from,
          to,
          tz,
          botId: bot_id,
        });
        return { items: snakeKeys(items) };
      },
    );
  };
