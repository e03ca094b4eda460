import {
  errorResponse,
  storeAccount,
  storeBotParam,
  storeChatParam,
  storeChats,
  storeItemParam,
  storeLedger,
  storeLedgerQuery,
  storeOrderList,
  storeOrdersQuery,
} from "@lumen/contracts";
import {
  type BuyerChat,
  type CoreContext,
  cancelOwnRenewal,
  enforceRateLimits,
  findPlanOpeningChat,
  findRenewalProducts,
  getCreditBalance,
  listBuyerChats,
  listCreditLedger,
  listOrders,
  listUserSubscriptions,
} from "@lumen/core";
import type { SubscriptionRow } from "@lumen/db";
import { isLocale } from "@lumen/locales";
import type { preHandlerAsyncHookHandler } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { issueChatInvites } from "../../access/issue-chat-invites.ts";
import type { BotApis } from "../../bot/bot-apis.ts";
import { buyerOf } from "../../http/buyer-auth.ts";
import { cancelStarRenewalVia } from "../../payments/star-renewals.ts";
import { showOrderSummary } from "./store-views.ts";

export type StoreAccountDeps = {
  core: CoreContext;
  botApis: BotApis;
  requireBuyer: preHandlerAsyncHookHandler;
};

const tags = ["store"];
const denied = { 401: errorResponse, 403: errorResponse, 404: errorResponse };
const showChat = (c: BuyerChat) => ({
  chat_id: c.chatId,
  title: c.title,
  plan_title: c.planTitle,
  invite_link: c.inviteLink,
  joined: c.joined,
});
const showPlan = (p: SubscriptionRow, renewals: Map<string, string>) => ({
  id: p.id,
  plan_code: p.planCode,
  title: p.title,
  status: p.status,
  ends_at: p.endsAt,
  renews: !!p.starChargeId,
  renew_product_id: renewals.get(p.planCode) ?? null,
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
        const { user, botId } = buyerOf(request);
        const plans = await listUserSubscriptions(deps.core.db, {
          userId: user.id,
          now: deps.core.clock.now(),
        });
        const renewals = await findRenewalProducts(deps.core.db, { userId: user.id, botId });
        return {
          user: {
            id: user.id,
            first_name: user.firstName,
            username: user.username,
            language: user.languageCode,
            locale: user.locale && isLocale(user.locale) ? user.locale : null,
          },
          balance: await getCreditBalance(deps.core.db, user.id),
          plans: plans.map((plan) => showPlan(plan, renewals)),
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
        return { items: rows.map(showOrderSummary) };
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
        const { user, botId } = buyerOf(request);
        const plan = await cancelOwnRenewal(
          deps.core,
          { userId: user.id, subscriptionId: request.params.id },
          cancelStarRenewalVia(deps.botApis),
        );
        return showPlan(plan, await findRenewalProducts(deps.core.db, { userId: user.id, botId }));
      },
    );
    app.get(
      "/api/v1/app/:bot_id/chats",
      {
        schema: {
          tags,
          summary: "The chats the buyer's live plans open, with the personal link to use now",
          params: storeBotParam,
          response: { 200: storeChats, ...denied },
        },
        preHandler,
      },
      async (request) => {
        const { user } = buyerOf(request);
        return { items: (await listBuyerChats(deps.core, { userId: user.id })).map(showChat) };
      },
    );
    app.post(
      "/api/v1/app/:bot_id/chats/:chat_id/invite",
      {
        schema: {
          tags,
          summary: "A new personal link to a chat the buyer's plan opens (the old one expired or was lost)",
          params: storeChatParam,
          response: {
            200: storeChats.shape.items.element,
            429: errorResponse,
            502: errorResponse,
            ...denied,
          },
        },
        preHandler,
      },
      async (request) => {
        const { user } = buyerOf(request);
        // Each link is a Telegram call: a handful a minute is plenty for a person.
        await enforceRateLimits(deps.core, [{ key: `store-invite:${user.id}`, limit: 5, windowMs: 60_000 }]);
        const plan = await findPlanOpeningChat(deps.core, {
          userId: user.id,
          chatId: request.params.chat_id,
        });
        if (plan.botId) {
          const api = await deps.botApis.apiFor(plan.botId);
          await issueChatInvites(deps.core, api, {
            subscription: plan,
            onlyChatIds: [request.params.chat_id],
          });
        }
        const chats = await listBuyerChats(deps.core, { userId: user.id });
        return showChat(chats.find((c) => c.chatId === request.params.chat_id) as BuyerChat);
      },
    );
  };
