import { sql } from "drizzle-orm";
import { bigint, bigserial, check, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at } from "../_columns.ts";
import { users } from "../users/users.ts";

export const creditReasons = [
  "trial",
  "purchase",
  "bonus",
  "spend",
  "refund",
  "admin_adjustment",
  "expiry",
  "reversal",
] as const;
export type CreditReason = (typeof creditReasons)[number];

/**
 * The current balance per user. Changed only together with a ledger row, in one
 * transaction; the CHECK makes overspending impossible whatever the code does.
 */
export const creditBalances = pgTable(
  "credit_balances",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    /** bigint: a balance is a sum that grows; inputs are bounded, sums are not. */
    balance: bigint("balance", { mode: "number" }).notNull().default(0),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check("credit_balances_balance_non_negative", sql`${t.balance} >= 0`),
    // The users list sorted by balance walks this index, then the users without credit.
    index("credit_balances_balance_idx").on(t.balance, t.userId),
  ],
);

/** Append-only: every grant and spend, with the balance it left. Sum of deltas = balance. */
export const creditLedger = pgTable(
  "credit_ledger",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    delta: integer("delta").notNull(),
    reason: text("reason", { enum: creditReasons }).notNull(),
    /** The same key never moves the balance twice: a repeated call returns the first entry. */
    idempotencyKey: text("idempotency_key").notNull().unique(),
    balanceAfter: bigint("balance_after", { mode: "number" }).notNull(),
    note: text("note"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("credit_ledger_user_idx").on(t.userId, t.id),
    check("credit_ledger_delta_non_zero", sql`${t.delta} <> 0`),
  ],
);

export type CreditLedgerRow = typeof creditLedger.$inferSelect;
