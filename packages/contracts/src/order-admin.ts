import { z } from "zod";
import { order } from "./catalog.ts";
import { timestamp } from "./common.ts";
import { pageQuery, queryFlag, sortParam } from "./list-query.ts";
import { cursorPage } from "./pagination.ts";

const currency = z.enum(["XTR", "RUB"]);
const provider = z.enum(["stars", "telegram", "yookassa", "mock"]);

export const searchOrdersQuery = z.object({
  status: z.enum(["pending", "paid", "cancelled", "expired", "refunded"]).optional(),
  provider: provider.optional(),
  currency: currency.optional(),
  product_id: z.uuid().optional(),
  user_id: z.uuid().optional(),
  bot_id: z.uuid().optional(),
  flagged: queryFlag,
  from: timestamp.optional().describe("made at or after (ISO 8601)"),
  to: timestamp.optional().describe("made before (ISO 8601)"),
  sort: sortParam(["created", "amount"], "created.desc"),
  ...pageQuery,
});
export const exportOrdersQuery = searchOrdersQuery.omit({ cursor: true, limit: true });

const buyer = z.object({
  telegram_id: z.number().int(),
  first_name: z.string(),
  username: z.string().nullable(),
});
export const orderListItem = order
  .extend({ bot_id: z.uuid().nullable(), promo_code: z.string().nullable(), user: buyer })
  .meta({ id: "OrderListItem" });
export const orderListResponse = cursorPage(orderListItem);

export const payment = z
  .object({
    id: z.uuid(),
    order_id: z.uuid(),
    provider,
    provider_payment_id: z.string(),
    provider_charge_id: z.string().nullable(),
    amount: z.number().int(),
    currency,
    status: z.enum(["succeeded", "refunded", "duplicate"]),
    refunded_at: timestamp.nullable(),
    created_at: timestamp,
  })
  .meta({ id: "Payment" });

export const paymentEvent = z
  .object({
    id: z.number().int(),
    provider,
    event_type: z.string(),
    provider_payment_id: z.string().nullable(),
    outcome: z.string(),
    payload: z.record(z.string(), z.unknown()),
    received_at: timestamp,
  })
  .meta({ id: "PaymentEvent" });

export const flagResolution = z.object({
  resolved_by_type: z.string(),
  resolved_by_id: z.string().nullable(),
  note: z.string(),
  resolved_at: timestamp,
});

export const orderDetails = z
  .object({
    order: orderListItem,
    payments: z.array(payment),
    events: z.array(paymentEvent),
    flag_resolution: flagResolution.nullable(),
  })
  .meta({ id: "OrderDetails" });

export const resolveFlagRequest = z.object({ note: z.string().trim().min(1).max(1000) });

export const listPaymentsQuery = z.object({
  provider: provider.optional(),
  currency: currency.optional(),
  status: z.enum(["succeeded", "refunded", "duplicate"]).optional(),
  order_id: z.uuid().optional(),
  user_id: z.uuid().optional(),
  from: timestamp.optional(),
  to: timestamp.optional(),
  sort: sortParam(["created"], "created.desc"),
  ...pageQuery,
});
export const exportPaymentsQuery = listPaymentsQuery.omit({ cursor: true, limit: true });
export const paymentListItem = payment
  .extend({ user_id: z.uuid(), title: z.string() })
  .meta({ id: "PaymentListItem" });
export const paymentListResponse = cursorPage(paymentListItem);
