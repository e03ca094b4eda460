import { z } from "zod";
import { boundedInt, limits, timestamp } from "./common.ts";

const price = z.object({
  currency: z.enum(["XTR", "RUB"]),
  amount: boundedInt(1, limits.money).describe("kopecks for RUB, whole Stars for XTR"),
});

const details = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("credits"), credits: boundedInt(1, limits.productCredits) }),
  z.object({
    kind: z.literal("plan"),
    plan_code: z.string().min(1).max(100),
    period_days: boundedInt(1, limits.days),
    messages_per_period: boundedInt(1, limits.quota).nullable().optional(),
    fair_use_cap: boundedInt(1, limits.quota).optional(),
    channel_ids: z.array(boundedInt(-limits.telegramId, limits.telegramId)).max(50).optional(),
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
    category: z.string().nullable(),
    active: z.boolean(),
    newcomers_only: z
      .boolean()
      .describe("a newcomer-only offer: shown and sold only before a first purchase"),
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
  category: z
    .string()
    .trim()
    .max(40)
    .nullable()
    .optional()
    .describe("The store's shelf; empty or null: none"),
  active: z.boolean().optional(),
  newcomers_only: z
    .boolean()
    .optional()
    .describe("a newcomer-only offer: hidden from and refused to buyers who have paid before"),
  sort_order: boundedInt(-limits.sortOrder, limits.sortOrder).optional(),
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
  kind: z
    .enum(["invoice", "invoice_link", "star_subscription_link", "redirect", "mock"])
    .describe(
      "how the buyer pays: an invoice link (a Star subscription for 30-day Stars plans) or a redirect",
    ),
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
  value: boundedInt(1, limits.money).describe(
    "percent (1-100), an amount in minor units, bonus credits, or days (at most 3660)",
  ),
  currency: z.enum(["XTR", "RUB"]).nullable().optional(),
  product_ids: z.array(z.uuid()).nullable().optional(),
  valid_from: timestamp.nullable().optional(),
  valid_to: timestamp.nullable().optional(),
  max_uses: boundedInt(1, limits.uses).nullable().optional(),
  once_per_user: z.boolean().optional(),
  active: z.boolean().optional(),
});
