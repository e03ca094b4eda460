import { type CreditLedgerRow, creditBalances, creditLedger, type Database } from "@lumen/db";
import { and, desc, eq, lt } from "drizzle-orm";

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
