import { type CreditLedgerRow, creditBalances, creditLedger, type Database } from "@lumen/db";
import { and, desc, eq, lt, sql } from "drizzle-orm";

export async function getCreditBalance(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ balance: creditBalances.balance })
    .from(creditBalances)
    .where(eq(creditBalances.userId, userId));
  return row?.balance ?? 0;
}

/**
 * The balance with its row locked to the end of the caller's transaction: a spend waits until
 * the caller commits, so what the caller read is still true when it writes.
 */
export async function lockCreditBalance(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ balance: creditBalances.balance })
    .from(creditBalances)
    .where(eq(creditBalances.userId, userId))
    .for("update");
  return row?.balance ?? 0;
}

export async function listCreditLedger(
  db: Database,
  input: { userId: string; beforeId?: number; limit: number },
): Promise<CreditLedgerRow[]> {
  return db
    .select()
    .from(creditLedger)
    .where(
      and(
        eq(creditLedger.userId, input.userId),
        input.beforeId ? lt(creditLedger.id, input.beforeId) : undefined,
      ),
    )
    .orderBy(desc(creditLedger.id))
    .limit(input.limit);
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
