import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, idColumn } from "../_columns.ts";
import { currencies } from "../catalog/catalog.ts";
import { users } from "../users/users.ts";

/** A partner's code for t.me/<bot>?start=ref_<code>, and how often it was opened. */
export const referralCodes = pgTable("referral_codes", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  code: text("code").notNull().unique(),
  clicks: integer("clicks").notNull().default(0),
  createdAt: at("created_at").notNull().defaultNow(),
});

/** Who brought whom: first touch only, one row per newcomer, never oneself. */
export const referralAttributions = pgTable(
  "referral_attributions",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    partnerUserId: uuid("partner_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("referral_attributions_partner_idx").on(t.partnerUserId),
    check("referral_not_self", sql`${t.userId} <> ${t.partnerUserId}`),
  ],
);

/** Commission paid out to a partner by an operator; earned commission is derived from paid orders. */
export const referralPayouts = pgTable(
  "referral_payouts",
  {
    id: idColumn(),
    partnerUserId: uuid("partner_user_id")
      .notNull()
      .references(() => users.id),
    amount: integer("amount").notNull(),
    currency: text("currency", { enum: currencies }).notNull(),
    note: text("note"),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [check("referral_payouts_positive", sql`${t.amount} > 0`)],
);
