import {
  errorResponse,
  storeBotParam,
  storeCatalog,
  storeCheckoutRequest,
  storeCheckoutResponse,
  storeEventsRequest,
  storeEventsResponse,
  storeItemParam,
  storeOrder,
  storeOrderParam,
  storeProduct,
} from "@lumen/contracts";
import {
  type CoreContext,
  getBuyerOrder,
  getProductForBuyer,
  listProductsForBuyer,
  recordStoreEvents,
  startPurchase,
} from "@lumen/core";
import type { preHandlerAsyncHookHandler } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { BotApis } from "../../bot/bot-apis.ts";
import type { ShopSettings } from "../../bot/context.ts";
import { buyerOf } from "../../http/buyer-auth.ts";
import { createInvoiceLinks } from "../../payments/invoice-links.ts";
import { showStoreOrder, showStoreProduct } from "./store-views.ts";

export type StoreRouteDeps = {
  core: CoreContext;
  botApis: BotApis;
  shop: ShopSettings;
  requireBuyer: preHandlerAsyncHookHandler;
};

const tags = ["store"];
const denied = { 401: errorResponse, 403: errorResponse, 404: errorResponse };

/**
 * The buyer's side of the store, for the Mini App and the installed app. Each route only parses,
 * calls the verb the bot calls for the same act, and renders; `bot_id` names the bot whose
 * token signs the buyer's launch data and that sells.
 */
export const storeRoutes =
  (deps: StoreRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const preHandler = deps.requireBuyer;
    app.get(
      "/api/v1/app/:bot_id/catalog",
      {
        schema: {
          tags,
          summary: "Products on sale",
          params: storeBotParam,
          response: { 200: storeCatalog, ...denied },
        },
        preHandler,
      },
      async (request) => {
        const { user, botId } = buyerOf(request);
        return {
          items: (await listProductsForBuyer(deps.core.db, { userId: user.id, botId })).map(showStoreProduct),
        };
      },
    );
    app.get(
      "/api/v1/app/:bot_id/products/:id",
      {
        schema: {
          tags,
          summary: "One product on sale to this buyer (404 for one the catalog would not show them)",
          params: storeItemParam,
          response: { 200: storeProduct, ...denied },
        },
        preHandler,
      },
      async (request) => {
        const { user, botId } = buyerOf(request);
        return showStoreProduct(
          await getProductForBuyer(deps.core.db, { userId: user.id, botId, productId: request.params.id }),
        );
      },
    );
    app.post(
      "/api/v1/app/:bot_id/checkout",
      {
        schema: {
          tags,
          summary: "Start paying for a product: an invoice link for openInvoice, or a payment page",
          params: storeBotParam,
          body: storeCheckoutRequest,
          response: {
            201: storeCheckoutResponse,
            400: errorResponse,
            409: errorResponse,
            502: errorResponse,
            ...denied,
          },
        },
        preHandler,
      },
      async (request, reply) => {
        const buyer = buyerOf(request);
        const { telegramProviderToken, yookassa, mock } = deps.shop;
        const started = await startPurchase(
          deps.core,
          {
            invoiceLinks: createInvoiceLinks({ botApis: deps.botApis, providerToken: telegramProviderToken }),
            yookassa,
            telegramPayments: !!telegramProviderToken,
            mockPayments: mock,
          },
          {
            userId: buyer.user.id,
            productId: request.body.product_id,
            currency: request.body.currency,
            provider: request.body.provider,
            client: "app",
            botId: buyer.botId,
            promoCode: request.body.promo_code,
            email: request.body.email,
          },
        );
        if (started.kind === "invoice") throw new Error("an app purchase never gets an in-chat invoice");
        return reply.status(201).send({
          order: await showStoreOrder(deps.core.db, started.order),
          kind: started.kind,
          url: "url" in started ? started.url : null,
          settles_in_seconds: started.kind === "mock" ? started.settlesInSeconds : null,
        });
      },
    );
    app.get(
      "/api/v1/app/:bot_id/orders/:order_id",
      {
        schema: {
          tags,
          summary:
            "One of the buyer's orders, with what it granted once paid (poll it after paying) and its receipt",
          params: storeOrderParam,
          response: { 200: storeOrder, 400: errorResponse, ...denied },
        },
        preHandler,
      },
      async (request) => {
        const buyer = buyerOf(request);
        const order = await getBuyerOrder(deps.core.db, buyer.user.id, request.params.order_id);
        return showStoreOrder(deps.core.db, order);
      },
    );
    app.post(
      "/api/v1/app/:bot_id/events",
      {
        schema: {
          tags,
          summary: "What the buyer did in the store, in batches of up to 50 (for the product funnel)",
          params: storeBotParam,
          body: storeEventsRequest,
          response: { 202: storeEventsResponse, 400: errorResponse, ...denied },
        },
        preHandler,
      },
      async (request, reply) => {
        const buyer = buyerOf(request);
        const stored = await recordStoreEvents(deps.core, {
          userId: buyer.user.id,
          botId: buyer.botId,
          events: request.body.events.map((e) => ({
            type: e.type,
            productId: e.product_id,
            source: e.source,
          })),
        });
        return reply.status(202).send({ stored });
      },
    );
  };
