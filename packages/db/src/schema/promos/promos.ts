import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, idColumn, timestamps } from "../_columns.ts";
import { currencies } from "../catalog/catalog.ts";

export const promoKinds = ["percent_off", "fixed_off", "bonus_credits", "extra_days", "free_days"] as const;
export type PromoKind = (typeof promoKinds)[number];

/** A promo code. A use is counted (reserved) when an order is made, atomically, against maxUses. */
export const promos = pgTable(
  "promos",
  {
    id: idColumn(),
    /** Stored upper-case; codes are matched case-insensitively. */
    code: text("code").notNull(),
    kind: text("kind", { enum: promoKinds }).notNull(),
    /** Percent (1-100), an amount in the currency's minor units, credits, or days, by kind. */
    value: integer("value").notNull(),
    /** For fixed_off: the currency the amount is in; the code applies to prices in it only. */
    currency: text("currency", { enum: currencies }),
    /** null = every product. */
    productIds: jsonb("product_ids").$type<string[] | null>(),
    validFrom: at("valid_from"),
    validTo: at("valid_to"),
    maxUses: integer("max_uses"),
    uses: integer("uses").notNull().default(0),
    oncePerUser: boolean("once_per_user").notNull().default(true),
    active: boolean("active").notNull().default(true),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("promos_code_idx").on(t.code),
    check("promos_value_positive", sql`${t.value} > 0`),
    check("promos_uses_within_limit", sql`${t.maxUses} is null or ${t.uses} <= ${t.maxUses}`),
  ],
);

export const promoRedemptionStatuses = ["reserved", "redeemed"] as const;

/**
 * One row per order that holds a code: reserved when the order is made (released, i.e. deleted,
 * when it expires or is cancelled), redeemed when it is paid. The count of uses and "once per
 * user" rest on these rows, so a use is decided when the order becomes payable.
 */
export const promoRedemptions = pgTable(
  "promo_redemptions",
  {
    id: idColumn(),
    promoId: uuid("promo_id")
      .notNull()
      .references(() => promos.id),
    userId: uuid("user_id").notNull(),
    /** null for codes used without a purchase (free days of a plan). */
    orderId: uuid("order_id").unique(),
    status: text("status", { enum: promoRedemptionStatuses }).notNull().default("redeemed"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("promo_redemptions_promo_user_idx").on(t.promoId, t.userId)],
);

export type PromoRow = typeof promos.$inferSelect;

/** The code a user entered in the bot (/promo or a promo_ deep link), applied to their next orders. */
export const promoClaims = pgTable("promo_claims", {
  userId: uuid("user_id").primaryKey(),
  promoId: uuid("promo_id")
    .notNull()
    .references(() => promos.id, { onDelete: "cascade" }),
  createdAt: at("created_at").notNull().defaultNow(),
});
