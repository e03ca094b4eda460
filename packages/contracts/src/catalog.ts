import { z } from "zod";
import { timestamp } from "./common.ts";

const price = z.object({
  currency: z.enum(["XTR", "RUB"]),
  amount: z.number().int().positive().max(1_000_000_000).describe("kopecks for RUB, whole Stars for XTR"),
});

const details = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("credits"), credits: z.number().int().min(1).max(1_000_000) }),
  z.object({
    kind: z.literal("plan"),
    plan_code: z.string().min(1).max(100),
    period_days: z.number().int().min(1).max(3660),
    messages_per_period: z.number().int().min(1).max(1_000_000).nullable().optional(),
    fair_use_cap: z.number().int().min(1).max(1_000_000).optional(),
    channel_ids: z.array(z.number().int()).max(50).optional(),
  }),
  z.object({
    kind: z.literal("course"),
    course_code: z.string(),
    tariff: z.enum(["BASIC", "FEEDBACK", "PREMIUM"]),
  }),
  z.object({
    kind: z.literal("digital"),
    text: z.string().nullable().optional(),
    file_id: z.string().nullable().optional(),
  }),
]);

export const product = z
  .object({
    id: z.uuid(),
    kind: z.enum(["credits", "plan", "course", "digital"]),
    title: z.string(),
    description: z.string(),
    image_url: z.string().nullable(),
    active: z.boolean(),
    sort_order: z.number().int(),
    details,
    prices: z.array(price),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "Product" });

export const productRequest = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(2000).optional(),
  image_url: z.url().max(2000).nullable().optional(),
  active: z.boolean().optional(),
  sort_order: z.number().int().min(-1_000_000).max(1_000_000).optional(),
  details,
  prices: z.array(price).min(1).max(2),
});

export const productPatchRequest = productRequest.partial();

export const order = z
  .object({
    id: z.uuid(),
    user_id: z.uuid(),
    product_id: z.uuid(),
    kind: z.string(),
    title: z.string(),
    currency: z.enum(["XTR", "RUB"]),
    amount: z.number().int(),
    provider: z.enum(["stars", "telegram", "yookassa", "mock"]),
    status: z.enum(["pending", "paid", "cancelled", "expired", "refunded"]),
    flagged: z.boolean(),
    flag_reason: z.string().nullable(),
    created_at: timestamp,
    paid_at: timestamp.nullable(),
    refunded_at: timestamp.nullable(),
  })
  .meta({ id: "Order" });

export const refundRequest = z.object({
  force: z
    .boolean()
    .default(false)
    .describe("refund even if the buyer already spent some of the credits (the unspent part is taken back)"),
});

export const listOrdersQuery = z.object({
  user_id: z.uuid().optional(),
  before: timestamp.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const createOrderRequest = z.object({
  user_id: z.uuid(),
  product_id: z.uuid(),
  currency: z.enum(["XTR", "RUB"]),
  provider: z
    .enum(["yookassa", "stars"])
    .describe("stars returns an invoice link (for Telegram.WebApp.openInvoice); yookassa a payment page"),
  bot_id: z.uuid().optional().describe("the bot that issues a Stars invoice; default: the first enabled bot"),
  promo_code: z.string().optional().describe("applied on the server; the order carries the discounted price"),
  email: z.email().optional().describe("the buyer's email for the 54-FZ receipt, when receipts are on"),
});

export const createOrderResponse = z.object({
  order,
  invoice_link: z.string().nullable(),
  confirmation_url: z.string().nullable(),
});

export const promo = z
  .object({
    id: z.uuid(),
    code: z.string(),
    kind: z.enum(["percent_off", "fixed_off", "bonus_credits", "extra_days", "free_days"]),
    value: z.number().int(),
    currency: z.enum(["XTR", "RUB"]).nullable(),
    product_ids: z.array(z.uuid()).nullable(),
    valid_from: timestamp.nullable(),
    valid_to: timestamp.nullable(),
    max_uses: z.number().int().nullable(),
    uses: z.number().int(),
    once_per_user: z.boolean(),
    active: z.boolean(),
    created_at: timestamp,
  })
  .meta({ id: "Promo" });

export const promoRequest = z.object({
  code: z.string(),
  kind: z.enum(["percent_off", "fixed_off", "bonus_credits", "extra_days", "free_days"]),
  value: z.number().int(),
  currency: z.enum(["XTR", "RUB"]).nullable().optional(),
  product_ids: z.array(z.uuid()).nullable().optional(),
  valid_from: timestamp.nullable().optional(),
  valid_to: timestamp.nullable().optional(),
  max_uses: z.number().int().nullable().optional(),
  once_per_user: z.boolean().optional(),
  active: z.boolean().optional(),
});
