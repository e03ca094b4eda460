import { type Database, promoRedemptions, promos } from "@lumen/db";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";

/**
 * Counts one use when an order is paid. The limit is in the UPDATE's condition, so of two
 * payments racing for the last use exactly one gets it; the other returns false.
 */
export async function redeemPromo(
  db: Database,
  input: { promoId: string; userId: string; orderId: string | null; now: Date },
): Promise<boolean> {
  const counted = await db
    .update(promos)
    .set({ uses: sql`${promos.uses} + 1`, updatedAt: input.now })
    .where(and(eq(promos.id, input.promoId), or(isNull(promos.maxUses), lt(promos.uses, promos.maxUses))))
    .returning({ id: promos.id });
  if (!counted.length) return false;
  await db.insert(promoRedemptions).values({ ...input, createdAt: input.now });
  return true;
}
