import type { Database } from "@lumen/db";
import { sql } from "drizzle-orm";

/*
 * The money invariants, checked by tests after every money scenario: always empty unless
 * something bypassed the verbs that keep them (changeCredits, settlePayment, refundOrder).
 */

/**
 * Orders whose payments disagree with their status: a paid order needs exactly one live
 * payment, a refunded one exactly one refunded payment, a pending one none. A duplicate payment
 * (a second one for an order already paid, which grants nothing) may sit beside either, never
 * on an order that is not paid or refunded, and its order is flagged for an operator. Always empty unless
 * something bypassed settlePayment/refundOrder; tests run it after every money scenario.
 */
export async function findOrderMismatches(db: Database): Promise<Array<{ id: string; status: string }>> {
  const result = await db.execute<{ id: string; status: string }>(sql`
    select o.id, o.status from orders o left join payments p on p.order_id = o.id
    group by o.id, o.status, o.flagged
    having (o.status = 'paid' and count(p.id) filter (where p.status = 'succeeded') <> 1)
        or (o.status = 'refunded' and count(p.id) filter (where p.status = 'refunded') <> 1)
        or (o.status in ('pending', 'expired', 'cancelled') and count(p.id) > 0)
        or (not o.flagged and count(p.id) filter (where p.status = 'duplicate') > 0)`);
  const rows = Array.isArray(result)
    ? result
    : (result as { rows: Array<{ id: string; status: string }> }).rows;
  return rows.map((r) => ({ id: r.id, status: r.status }));
}

/**
 * Users whose ledger does not add up to their balance. Always empty unless something wrote
 * a balance outside changeCredits; tests run it after every money scenario.
 */
export async function findLedgerMismatches(
  db: Database,
): Promise<Array<{ userId: string; balance: number; ledgerSum: number }>> {
  const rows = await db.execute<{ user_id: string; balance: number; ledger_sum: number }>(sql`
    select coalesce(b.user_id, l.user_id) as user_id,
           coalesce(b.balance, 0)::bigint as balance,
           coalesce(l.total, 0)::bigint as ledger_sum
    from credit_balances b
    full join (select user_id, sum(delta) as total from credit_ledger group by user_id) l on l.user_id = b.user_id
    where coalesce(b.balance, 0) <> coalesce(l.total, 0)`);
  const list = Array.isArray(rows) ? rows : (rows as { rows: typeof rows }).rows;
  return (list as Array<{ user_id: string; balance: number; ledger_sum: number }>).map((r) => ({
    userId: r.user_id,
    balance: Number(r.balance),
    ledgerSum: Number(r.ledger_sum),
  }));
}
