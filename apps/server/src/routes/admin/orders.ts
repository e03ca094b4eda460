import {
  createOrderRequest,
  createOrderResponse,
  errorResponse,
  order,
  refundRequest,
  snakeKeys,
  uuidParam,
} from "@lumen/contracts";
import {
  type CoreContext,
  getOrder,
  type ProviderRefund,
  refundOrder,
  startPurchase,
  toActor,
  type YooKassaSettings,
} from "@lumen/core";
import type { OrderRow } from "@lumen/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { BotApis } from "../../bot/bot-apis.ts";
import { principalOf, type RequireAuth } from "../../http/auth.ts";
import type { EnqueueJob } from "../../jobs/job-runner.ts";
import { createInvoiceLinks } from "../../payments/invoice-links.ts";

export type OrderRouteDeps = {
  core: CoreContext;
  requireAuth: RequireAuth;
  refundAtProvider: ProviderRefund;
  enqueue: EnqueueJob;
  yookassa: YooKassaSettings | undefined;
  botApis: BotApis;
};

const tags = ["orders"];
const show = ({ details: _d, ...row }: OrderRow) => snakeKeys(row);

export const orderRoutes =
  (deps: OrderRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const operator = deps.requireAuth("operator");
    app.post(
      "/api/v1/orders",
      {
        schema: {
          tags,
          summary:
            "Start a purchase for a user: the order at the catalog price and, for YooKassa, the payment page",
          body: createOrderRequest,
          response: {
            201: createOrderResponse,
            400: errorResponse,
            404: errorResponse,
            409: errorResponse,
            502: errorResponse,
          },
        },
        preHandler: operator,
      },
      async (request, reply) => {
        const { user_id, product_id, currency, provider, email, bot_id, promo_code } = request.body;
        const started = await startPurchase(
          deps.core,
          {
            invoiceLinks: createInvoiceLinks({ botApis: deps.botApis }),
            yookassa: deps.yookassa,
            telegramPayments: false,
            mockPayments: false,
          },
          {
            userId: user_id,
            productId: product_id,
            currency,
            provider,
            client: "app",
            email,
            botId: bot_id,
            promoCode: promo_code,
          },
        );
        const url = "url" in started ? started.url : null;
        return reply.status(201).send({
          order: show(started.order),
          kind: started.kind,
          invoice_link: started.kind === "redirect" ? null : url,
          confirmation_url: started.kind === "redirect" ? url : null,
        });
      },
    );
    app.get(
      "/api/v1/orders/:id",
      {
        schema: {
          tags,
          summary: "One order",
          params: uuidParam,
          response: { 200: order, 404: errorResponse },
        },
        preHandler: operator,
      },
      async (request) => show(await getOrder(deps.core.db, request.params.id)),
    );
    app.post(
      "/api/v1/orders/:id/refund",
      {
        schema: {
          tags,
          summary: "Refund a paid order at its provider and take back what it granted (admin)",
          params: uuidParam,
          body: refundRequest,
          response: {
            200: order,
            403: errorResponse,
            404: errorResponse,
            409: errorResponse,
            502: errorResponse,
          },
        },
        preHandler: deps.requireAuth("admin"),
      },
      async (request) => {
        const actor = toActor(principalOf(request), request.ip);
        const { order: refunded } = await refundOrder(
          deps.core,
          actor,
          { orderId: request.params.id, force: request.body.force },
          deps.refundAtProvider,
        );
        return show(refunded);
      },
    );
  };
