import {
  errorResponse,
  storeAccount,
  storeBotParam,
  storeItemParam,
  storeLedger,
  storeLedgerQuery,
  storeOrderList,
  storeOrdersQuery,
} from "@lumen/contracts";
import {
  type CoreContext,
  cancelOwnRenewal,
  getCreditBalance,
  listCreditLedger,
  listOrders,
  listUserSubscriptions,
} from "@lumen/core";
import type { SubscriptionRow } from "@lumen/db";
import type { preHandlerAsyncHookHandler } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { BotApis } from "../../bot/bot-apis.ts";
import { buyerOf } from "../../http/buyer-auth.ts";

export type StoreAccountDeps = {
  core: CoreContext;
  botApis: BotApis;
  requireBuyer: preHandlerAsyncHookHandler;
};

const tags = ["store"];
const denied = { 401: errorResponse, 403: errorResponse, 404: errorResponse };
const showPlan = (p: SubscriptionRow) => ({
  id: p.id,
  plan_code: p.planCode,
  status: p.status,
  ends_at: p.endsAt,
  renews: !!p.starChargeId,
});

/** "My account" in the store: balance and its history, plans and their renewal, orders. */
export const storeAccountRoutes =
  (deps: StoreAccountDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const preHandler = deps.requireBuyer;
    app.get(
      "/api/v1/app/:bot_id/me",
      {
        schema: {
          tags,
          summary: "The buyer: balance and plans",
          params: storeBotParam,
          response: { 200: storeAccount, ...denied },
        },
        preHandler,
      },
      async (request) => {
        const { user } = buyerOf(request);
        const plans = await listUserSubscriptions(deps.core.db, {
          userId: user.id,
          now: deps.core.clock.now(),
        });
        return {
          user: {
            id: user.id,
            first_name: user.firstName,
            username: user.username,
            language: user.languageCode,
          },
          balance: await getCreditBalance(deps.core.db, user.id),
          plans: plans.map(showPlan),
        };
      },
    );
    app.get(
      "/api/v1/app/:bot_id/ledger",
      {
        schema: {
          tags,
          summary: "The buyer's credit history, newest first, in pages",
          params: storeBotParam,
          querystring: storeLedgerQuery,
          response: { 200: storeLedger, 400: errorResponse, ...denied },
        },
        preHandler,
      },
      async (request) => {
        const { user } = buyerOf(request);
        const { before_id, limit } = request.query;
        const rows = await listCreditLedger(deps.core.db, { userId: user.id, beforeId: before_id, limit });
        return {
          items: rows.map((r) => ({
            id: r.id,
            delta: r.delta,
            reason: r.reason,
            balance_after: r.balanceAfter,
            created_at: r.createdAt,
          })),
          next_before_id: rows.length === limit ? (rows.at(-1)?.id ?? null) : null,
        };
      },
    );
    app.get(
      "/api/v1/app/:bot_id/orders",
      {
        schema: {
          tags,
          summary: "The buyer's orders, newest first",
          params: storeBotParam,
          querystring: storeOrdersQuery,
          response: { 200: storeOrderList, 400: errorResponse, ...denied },
        },
        preHandler,
      },
      async (request) => {
        const { user } = buyerOf(request);
        const rows = await listOrders(deps.core.db, { userId: user.id, limit: request.query.limit });
        return {
          items: rows.map((o) => ({
            id: o.id,
            product_id: o.productId,
            title: o.title,
            currency: o.currency,
            amount: o.amount,
            provider: o.provider,
            status: o.status,
            created_at: o.createdAt,
            paid_at: o.paidAt,
          })),
        };
      },
    );
    app.post(
      "/api/v1/app/:bot_id/plans/:id/cancel-renewal",
      {
        schema: {
          tags,
          summary: "Stop one of the buyer's plans from renewing; access stays to the end already paid",
          params: storeItemParam,
          response: {
            200: storeAccount.shape.plans.element,
            409: errorResponse,
            502: errorResponse,
            ...denied,
          },
        },
        preHandler,
      },
      async (request) => {
        const { user } = buyerOf(request);
        const plan = await cancelOwnRenewal(
          deps.core,
          { userId: user.id, subscriptionId: request.params.id },
          async ({ botId, telegramUserId, chargeId }) => {
            await (await deps.botApis.apiFor(botId)).editUserStarSubscription(telegramUserId, chargeId, true);
          },
        );
        return showPlan(plan);
      },
    );
  };
