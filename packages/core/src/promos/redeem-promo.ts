import { type Database, promoRedemptions, promos } from "@lumen/db";
import { and, eq, sql } from "drizzle-orm";

/**
 * An order is paid (or free days are taken): the use its order reserved becomes a redemption.
 * Without a reservation (free days, or an order paid after it expired and gave its use back)
 * the use is counted now, with the promo row locked first, so the use limit and "once per user"
 * are checked and counted as one step. False when no use is left for it.
 */
export async function redeemPromo(
  db: Database,
  input: { promoId: string; userId: string; orderId: string | null; now: Date },
): Promise<boolean> {
  if (input.orderId) {
    const [reserved] = await db
      .update(promoRedemptions)
      .set({ status: "redeemed" })
      .where(and(eq(promoRedemptions.orderId, input.orderId), eq(promoRedemptions.status, "reserved")))
      .returning({ id: promoRedemptions.id });
    if (reserved) return true;
  }
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
