import type { Database } from "@lumen/db";
import { sql } from "drizzle-orm";

/** Runs one read-only SQL text and returns its rows, whatever the driver. */
export type QueryRows = (text: string) => Promise<Array<Record<string, unknown>>>;

/** Rows through Drizzle, for suites that hold the database in-process (PGlite or pg). */
export const queryThrough =
  (db: Database): QueryRows =>
  async (text) => {
    const result = await db.execute(sql.raw(text));
    return Array.isArray(result) ? result : (result as { rows: Array<Record<string, unknown>> }).rows;
  };

/**
 * What must hold after any traffic, written in SQL against the tables so it holds whatever
 * code path moved the money: each named check returns the rows that break it.
 */
const CHECKS: Record<string, string> = {
  "credit balance = sum of its ledger": `
    select b.user_id, b.balance, coalesce(sum(l.delta), 0) as ledger_sum
    from credit_balances b left join credit_ledger l on l.user_id = b.user_id
    group by b.user_id, b.balance having b.balance <> coalesce(sum(l.delta), 0)`,
  "ledger without a balance sums to zero": `
    select l.user_id, sum(l.delta) as ledger_sum from credit_ledger l
    where not exists (select 1 from credit_balances b where b.user_id = l.user_id)
    group by l.user_id having sum(l.delta) <> 0`,
  "last ledger row's balance_after = balance": `
    select b.user_id, b.balance, l.balance_after from credit_balances b
    join lateral (select balance_after from credit_ledger where user_id = b.user_id order by id desc limit 1) l on true
    where l.balance_after <> b.balance`,
  "no negative balance": "select user_id, balance from credit_balances where balance < 0",
  "a paid order has exactly one live payment": `
    select o.id from orders o where o.status = 'paid'
    and (select count(*) from payments p where p.order_id = o.id and p.status = 'succeeded') <> 1`,
  "a refunded order has one refunded payment and no live one": `
    select o.id from orders o where o.status = 'refunded'
    and ((select count(*) from payments p where p.order_id = o.id and p.status = 'refunded') <> 1
      or (select count(*) from payments p where p.order_id = o.id and p.status = 'succeeded') > 0)`,
  "an unpaid order has no payment": `
    select o.id, o.status from orders o where o.status in ('pending', 'expired', 'cancelled')
    and exists (select 1 from payments p where p.order_id = o.id)`,
  "a payment is for its order's amount and currency": `
    select p.id from payments p join orders o on o.id = p.order_id
    where p.amount <> o.amount or p.currency <> o.currency`,
  "a refunded payment's order is refunded": `
    select p.id from payments p join orders o on o.id = p.order_id
    where p.status = 'refunded' and o.status <> 'refunded'`,
  "a subscription ends after it starts": "select id from subscriptions where ends_at < starts_at",
};

/** Every broken invariant with the rows that break it; empty when the money is sound. */
export async function findBrokenInvariants(query: QueryRows): Promise<string[]> {
  const broken: string[] = [];
  for (const [name, text] of Object.entries(CHECKS)) {
    const rows = await query(text);
    if (rows.length > 0) broken.push(`${name}: ${JSON.stringify(rows.slice(0, 5))}`);
  }
  return broken;
}
