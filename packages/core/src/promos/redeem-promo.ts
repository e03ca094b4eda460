import { type Database, promoRedemptions, promos } from "@lumen/db";
import { and, eq, sql } from "drizzle-orm";

/**
 * Counts one use when an order is paid (or free days are taken). The promo row is locked first,
 * so the use limit and "once per user" are checked and counted as one step: of two payments
 * racing for the last use, or one user's two orders paid at once, exactly one gets it.
 */
export async function redeemPromo(
  db: Database,
  input: { promoId: string; userId: string; orderId: string | null; now: Date },
): Promise<boolean> {
  const [promo] = await db.select().from(promos).where(eq(promos.id, input.promoId)).for("update");
  if (!promo || (promo.maxUses !== null && promo.uses >= promo.maxUses)) return false;
  if (promo.oncePerUser) {
    const [earlier] = await db
      .select({ id: promoRedemptions.id })
      .from(promoRedemptions)
      .where(and(eq(promoRedemptions.promoId, promo.id), eq(promoRedemptions.userId, input.userId)))
      .limit(1);
    if (earlier) return false;
  }
  await db
    .update(promos)
    .set({ uses: sql`${promos.uses} + 1`, updatedAt: input.now })
    .where(eq(promos.id, promo.id));
  await db.insert(promoRedemptions).values({ ...input, createdAt: input.now });
  return true;
}
