import {
  endSubscriptionRequest,
  errorResponse,
  exportSubscriptionsQuery,
  extendSubscriptionRequest,
  listSubscriptionsQuery,
  snakeKeys,
  subscriptionItem,
  subscriptionListResponse,
  uuidParam,
} from "@lumen/contracts";
import {
  type CoreContext,
  cancelSubscriptionRenewal,
  eachRow,
  endSubscription,
  extendSubscription,
  listSubscriptions,
  type SubscriptionListItem,
  toActor,
} from "@lumen/core";
import type { SubscriptionRow } from "@lumen/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { BotApis } from "../../bot/bot-apis.ts";
import { principalOf, type RequireAuth } from "../../http/auth.ts";
import { type CsvColumn, sendCsv } from "../../http/csv.ts";
import { listInput } from "../../http/list-input.ts";
import { cancelStarRenewalVia } from "../../payments/star-renewals.ts";

export type SubscriptionAdminRouteDeps = { core: CoreContext; requireAuth: RequireAuth; botApis: BotApis };

const tags = ["subscriptions"];
const EXPORT_PAGE = 1000;

const columns: CsvColumn<SubscriptionListItem>[] = [
  { header: "id", value: (s) => s.id },
  { header: "user_id", value: (s) => s.userId },
  { header: "telegram_id", value: (s) => s.user.telegramId },
  { header: "first_name", value: (s) => s.user.firstName },
  { header: "username", value: (s) => s.user.username },
  { header: "plan_code", value: (s) => s.planCode },
  { header: "title", value: (s) => s.title },
  { header: "status", value: (s) => s.status },
  { header: "starts_at", value: (s) => s.startsAt },
  { header: "ends_at", value: (s) => s.endsAt },
  { header: "renews", value: (s) => s.starChargeId !== null },
  { header: "bot_id", value: (s) => s.botId },
];

export const showSubscription = <T extends SubscriptionRow>({ starChargeId, ...row }: T) =>
  snakeKeys({ ...row, renews: starChargeId !== null });

/** Plans as the operator manages them: who is on one, whose ends soon, and extend/end/stop renewal. */
export const subscriptionAdminRoutes =
  (deps: SubscriptionAdminRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const operator = deps.requireAuth("operator");
    const admin = deps.requireAuth("admin");
    const now = () => deps.core.clock.now();
    const cancelAtTelegram = cancelStarRenewalVia(deps.botApis);
    app.get(
      "/api/v1/subscriptions",
      {
        schema: {
          tags,
          summary: "Plans held: active, ending within N days, or expired; in cursor pages",
          querystring: listSubscriptionsQuery,
          response: { 200: subscriptionListResponse, 400: errorResponse },
        },
        preHandler: operator,
      },
      async (request) => {
        const page = await listSubscriptions(deps.core.db, now(), listInput(request.query));
        return { items: page.items.map(showSubscription), next_cursor: page.nextCursor };
      },
    );
    app.get(
      "/api/v1/subscriptions/export.csv",
      {
        schema: {
          tags,
          summary: "The subscriptions list as CSV (UTF-8 with BOM); streamed",
          querystring: exportSubscriptionsQuery,
          produces: ["text/csv"],
          response: { 400: errorResponse },
        },
        preHandler: operator,
      },
      async (request, reply) => {
        const filters = listInput(request.query);
        const rows = eachRow((cursor) =>
          listSubscriptions(deps.core.db, now(), { ...filters, cursor, limit: EXPORT_PAGE }),
        );
        return sendCsv(reply, "subscriptions", columns, rows, now());
      },
    );
    app.post(
      "/api/v1/subscriptions/:id/extend",
      {
        schema: {
          tags,
          summary: "Add days to a live plan (admin, audited)",
          params: uuidParam,
          body: extendSubscriptionRequest,
          response: {
            200: subscriptionItem,
            400: errorResponse,
            403: errorResponse,
            404: errorResponse,
            409: errorResponse,
          },
        },
        preHandler: admin,
      },
      async (request) => {
        const row = await extendSubscription(deps.core, toActor(principalOf(request), request.ip), {
          subscriptionId: request.params.id,
          days: request.body.days,
          reason: request.body.reason,
          idempotencyKey: request.body.idempotency_key,
        });
        return showSubscription(row);
      },
    );
    app.post(
      "/api/v1/subscriptions/:id/end",
      {
        schema: {
          tags,
          summary: "End a plan now (admin, audited); the access sweep then removes the user from its chats",
          params: uuidParam,
          body: endSubscriptionRequest,
          response: {
            200: subscriptionItem,
            400: errorResponse,
            403: errorResponse,
            404: errorResponse,
            409: errorResponse,
          },
        },
        preHandler: admin,
      },
      async (request) => {
        const row = await endSubscription(deps.core, toActor(principalOf(request), request.ip), {
          subscriptionId: request.params.id,
          reason: request.body.reason,
        });
        return showSubscription(row);
      },
    );
    app.post(
      "/api/v1/subscriptions/:id/cancel-renewal",
      {
        schema: {
          tags,
          summary: "Stop a Telegram Star subscription from renewing (admin); access stays to the end paid",
          params: uuidParam,
          response: {
            200: subscriptionItem,
            403: errorResponse,
            404: errorResponse,
            409: errorResponse,
            502: errorResponse,
          },
        },
        preHandler: admin,
      },
      async (request) => {
        const row = await cancelSubscriptionRenewal(
          deps.core,
          toActor(principalOf(request), request.ip),
          { subscriptionId: request.params.id },
          cancelAtTelegram,
        );
        return showSubscription(row);
      },
    );
  };
