import {
  errorResponse,
  exportOrdersQuery,
  exportPaymentsQuery,
  flagResolution,
  listPaymentsQuery,
  orderDetails,
  orderListResponse,
  paymentListResponse,
  resolveFlagRequest,
  searchOrdersQuery,
  snakeKeys,
  uuidParam,
} from "@lumen/contracts";
import {
  type CoreContext,
  eachRow,
  getOrderDetails,
  listPayments,
  type OrderListItem,
  type PaymentListItem,
  resolveOrderFlag,
  searchOrders,
  toActor,
} from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { principalOf, type RequireAuth } from "../../http/auth.ts";
import { type CsvColumn, decimalAmount, sendCsv } from "../../http/csv.ts";
import { listInput } from "../../http/list-input.ts";

export type OrderAdminRouteDeps = { core: CoreContext; requireAuth: RequireAuth };

const EXPORT_PAGE = 1000;

const orderColumns: CsvColumn<OrderListItem>[] = [
  { header: "id", value: (o) => o.id },
  { header: "created_at", value: (o) => o.createdAt },
  { header: "status", value: (o) => o.status },
  { header: "title", value: (o) => o.title },
  { header: "kind", value: (o) => o.kind },
  { header: "amount", value: (o) => decimalAmount(o.amount, o.currency) },
  { header: "currency", value: (o) => o.currency },
  { header: "provider", value: (o) => o.provider },
  { header: "promo_code", value: (o) => o.promoCode },
  { header: "user_id", value: (o) => o.userId },
  { header: "telegram_id", value: (o) => o.user.telegramId },
  { header: "first_name", value: (o) => o.user.firstName },
  { header: "username", value: (o) => o.user.username },
  { header: "product_id", value: (o) => o.productId },
  { header: "bot_id", value: (o) => o.botId },
  { header: "flagged", value: (o) => o.flagged },
  { header: "paid_at", value: (o) => o.paidAt },
  { header: "refunded_at", value: (o) => o.refundedAt },
];

const paymentColumns: CsvColumn<PaymentListItem>[] = [
  { header: "id", value: (p) => p.id },
  { header: "created_at", value: (p) => p.createdAt },
  { header: "order_id", value: (p) => p.orderId },
  { header: "user_id", value: (p) => p.userId },
  { header: "title", value: (p) => p.title },
  { header: "provider", value: (p) => p.provider },
  { header: "provider_payment_id", value: (p) => p.providerPaymentId },
  { header: "amount", value: (p) => decimalAmount(p.amount, p.currency) },
  { header: "currency", value: (p) => p.currency },
  { header: "status", value: (p) => p.status },
  { header: "refunded_at", value: (p) => p.refundedAt },
];

const showOrder = ({ details: _d, ...row }: OrderListItem) => snakeKeys(row);

/** Orders and payments as the operator reads them: lists, CSV, one order's story, flag resolution. */
export const orderAdminRoutes =
  (deps: OrderAdminRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const operator = deps.requireAuth("operator");
    const now = () => deps.core.clock.now();
    app.get(
      "/api/v1/orders",
      {
        schema: {
          tags: ["orders"],
          summary: "Orders: filters and sort, in cursor pages",
          querystring: searchOrdersQuery,
          response: { 200: orderListResponse, 400: errorResponse },
        },
        preHandler: operator,
      },
      async (request) => {
        const page = await searchOrders(deps.core.db, listInput(request.query));
        return { items: page.items.map(showOrder), next_cursor: page.nextCursor };
      },
    );
    app.get(
      "/api/v1/orders/export.csv",
      {
        schema: {
          tags: ["orders"],
          summary:
            "The orders list as CSV (UTF-8 with BOM, amounts as decimals with their currency); streamed",
          querystring: exportOrdersQuery,
          produces: ["text/csv"],
          response: { 400: errorResponse },
        },
        preHandler: operator,
      },
      async (request, reply) => {
        const filters = listInput(request.query);
        const rows = eachRow((cursor) =>
          searchOrders(deps.core.db, { ...filters, cursor, limit: EXPORT_PAGE }),
        );
        return sendCsv(reply, "orders", orderColumns, rows, now());
      },
    );
    app.get(
      "/api/v1/orders/:id/details",
      {
        schema: {
          tags: ["orders"],
          summary: "One order with its buyer, payments, raw provider events and flag resolution",
          params: uuidParam,
          response: { 200: orderDetails, 404: errorResponse },
        },
        preHandler: operator,
      },
      async (request) => {
        const details = await getOrderDetails(deps.core.db, request.params.id);
        return {
          order: showOrder(details.order),
          payments: snakeKeys(details.payments),
          events: snakeKeys(details.events),
          flag_resolution: details.flagResolution && snakeKeys(details.flagResolution),
        };
      },
    );
    app.post(
      "/api/v1/orders/:id/flag-resolution",
      {
        schema: {
          tags: ["orders"],
          summary: "Mark a flagged order's problem resolved (admin): who, when and how is kept",
          params: uuidParam,
          body: resolveFlagRequest,
          response: {
            201: flagResolution,
            400: errorResponse,
            403: errorResponse,
            404: errorResponse,
            409: errorResponse,
          },
        },
        preHandler: deps.requireAuth("admin"),
      },
      async (request, reply) => {
        const row = await resolveOrderFlag(deps.core, toActor(principalOf(request), request.ip), {
          orderId: request.params.id,
          note: request.body.note,
        });
        return reply.status(201).send(snakeKeys(row));
      },
    );
    app.get(
      "/api/v1/payments",
      {
        schema: {
          tags: ["payments"],
          summary: "Payments received, newest first, in cursor pages",
          querystring: listPaymentsQuery,
          response: { 200: paymentListResponse, 400: errorResponse },
        },
        preHandler: operator,
      },
      async (request) => {
        const page = await listPayments(deps.core.db, listInput(request.query));
        return { items: snakeKeys(page.items), next_cursor: page.nextCursor };
      },
    );
    app.get(
      "/api/v1/payments/export.csv",
      {
        schema: {
          tags: ["payments"],
          summary: "The payments list as CSV (UTF-8 with BOM); streamed",
          querystring: exportPaymentsQuery,
          produces: ["text/csv"],
          response: { 400: errorResponse },
        },
        preHandler: operator,
      },
      async (request, reply) => {
        const filters = listInput(request.query);
        const rows = eachRow((cursor) =>
          listPayments(deps.core.db, { ...filters, cursor, limit: EXPORT_PAGE }),
        );
        return sendCsv(reply, "payments", paymentColumns, rows, now());
      },
    );
  };
