import { type Database, orders } from "@lumen/db";
import { type SQL, sql } from "drizzle-orm";
import { rowsOf } from "../shared/sql-rows.ts";

/**
 * "This user has paid before": an order of theirs was ever paid, even one refunded since. What
 * "before the first purchase" means for newcomer-only offers, the newcomer and trial campaigns
 * and the "never paid" audience, as one condition so they cannot drift apart.
 */
export const hasEverPaid = (userId: SQL): SQL =>
  sql`exists (select 1 from ${orders} where ${orders.userId} = ${userId} and ${orders.paidAt} is not null)`;

export async function hasPaidOrder(db: Database, userId: string): Promise<boolean> {
  const [row] = rowsOf<{ paid: boolean }>(
    await db.execute(sql`select ${hasEverPaid(sql`${userId}::uuid`)} as paid`),
  );
  return row?.paid === true;
}
