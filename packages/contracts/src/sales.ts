import { z } from "zod";
import { promo } from "./catalog.ts";
import { timestamp } from "./common.ts";

const currency = z.enum(["XTR", "RUB"]);
const limit = z.coerce.number().int().min(1).max(200).default(50);
const cursor = z.string().max(300).optional().describe("next_cursor of the previous page");
const flag = z.stringbool().optional();

/** The products list in catalog order, filtered by kind, state and title. */
export const productListQuery = z.object({
  active: flag,
  kind: z.enum(["credits", "plan", "course", "digital"]).optional(),
  q: z.string().trim().max(200).optional(),
  cursor,
  limit,
});

export const reorderProductsRequest = z.object({
  product_ids: z.array(z.uuid()).min(1).max(500).describe("products in the order the bot shows them"),
});

export const promoListQuery = z.object({
  active: flag,
  kind: z.enum(["percent_off", "fixed_off", "bonus_credits", "extra_days", "free_days"]).optional(),
  q: z.string().trim().max(32).optional(),
  overrun: flag.describe("only codes used more often than their limit"),
  cursor,
  limit,
});
export const promoExportQuery = promoListQuery.omit({ cursor: true, limit: true });

export const promoStats = promo
  .extend({
    redemptions: z.number().int(),
    paid_orders: z.number().int(),
    revenue: z.array(z.object({ currency, amount: z.number().int(), orders: z.number().int() })),
  })
  .meta({ id: "PromoStats" });

/** Editable terms of a code (not the code itself nor its kind). */
export const promoPatchRequest = z
  .object({
    value: z.number().int().min(1).max(1_000_000_000),
    currency: currency.nullable(),
    product_ids: z.array(z.uuid()).max(500).nullable(),
    valid_from: timestamp.nullable(),
    valid_to: timestamp.nullable(),
    max_uses: z.number().int().min(1).max(100_000_000).nullable(),
    once_per_user: z.boolean(),
    active: z.boolean(),
  })
  .partial();

export const promoRedemption = z
  .object({
    id: z.uuid(),
    created_at: timestamp,
    user_id: z.uuid(),
    telegram_id: z.number().int().nullable(),
    first_name: z.string().nullable(),
    username: z.string().nullable(),
    order_id: z.uuid().nullable(),
    order_status: z.enum(["pending", "paid", "cancelled", "expired", "refunded"]).nullable(),
    amount: z.number().int().nullable(),
    list_amount: z.number().int().nullable(),
    currency: currency.nullable(),
  })
  .meta({ id: "PromoRedemption" });

export const cursorPageQuery = z.object({ cursor, limit });

export const partnerListQuery = z.object({
  q: z.string().trim().max(64).optional().describe("part of the code, name or @username, or a Telegram id"),
  sort: z.enum(["created_at", "clicks", "signups"]).default("created_at"),
  cursor,
  limit,
});
export const partnerExportQuery = partnerListQuery.omit({ cursor: true, limit: true });

export const partnerMoney = z.object({
  currency,
  revenue: z.number().int(),
  earned: z.number().int(),
  held: z.number().int(),
  paid_out: z.number().int(),
  due: z.number().int(),
});

export const partnerRow = z
  .object({
    user_id: z.uuid(),
    telegram_id: z.number().int(),
    first_name: z.string(),
    username: z.string().nullable(),
    code: z.string(),
    created_at: timestamp,
    clicks: z.number().int(),
    signups: z.number().int(),
    paying_users: z.number().int(),
    money: z.array(partnerMoney),
  })
  .meta({ id: "Partner" });
