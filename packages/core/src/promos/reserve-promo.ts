import { type Database, type PromoRow, promoRedemptions, promos } from "@lumen/db";
import { and, eq, inArray, sql } from "drizzle-orm";
import { checkPromoUsable, type PromoRefusal, PromoRefused } from "./quote-promo.ts";

/**
 * An order is made with a code: its use is taken now, with the promo row locked, so the use
 * limit and "once per user" count orders that may still be paid, not only paid ones. Of two
 * orders racing for the last use (or one buyer's two orders), the second is refused before any
 * money moves. Throws PromoRefused.
 */
export async function reservePromo(
  db: Database,
  input: { promoId: string; userId: string; orderId: string; now: Date },
): Promise<PromoRow> {
  const [promo] = await db.select().from(promos).where(eq(promos.id, input.promoId)).for("update");
  if (!promo) throw new PromoRefused("unknown");
  await checkPromoUsable(db, promo, { userId: input.userId, now: input.now });
  await db
    .update(promos)
    .set({ uses: sql`${promos.uses} + 1`, updatedAt: input.now })
    .where(eq(promos.id, promo.id));
  await db.insert(promoRedemptions).values({ ...input, status: "reserved", createdAt: input.now });
  return promo;
}

/** Orders that will not be paid (expired, cancelled) give their reserved uses back. */
export async function releasePromoReservations(
  db: Database,
  input: { orderIds: string[]; now: Date },
): Promise<number> {
  if (!input.orderIds.length) return 0;
  const released = await db
    .delete(promoRedemptions)
    .where(and(inArray(promoRedemptions.orderId, input.orderIds), eq(promoRedemptions.status, "reserved")))
    .returning({ promoId: promoRedemptions.promoId });
  const perPromo = new Map<string, number>();
  for (const { promoId } of released) perPromo.set(promoId, (perPromo.get(promoId) ?? 0) + 1);
  for (const [promoId, count] of [...perPromo].sort(([a], [b]) => a.localeCompare(b))) {
    await db
      .update(promos)
      .set({ uses: sql`greatest(${promos.uses} - ${count}, 0)`, updatedAt: input.now })
      .where(eq(promos.id, promoId));
  }
  return released.length;
}

/**
 * Whether an order's code may still be paid: the code active and in its dates, and the order
 * still holding its use. Asked at pre-checkout and before a payment page is made.
 */
export async function checkOrderPromo(
  db: Database,
  input: { promoId: string; orderId: string; now: Date },
): Promise<PromoRefusal | null> {
  const [promo] = await db.select().from(promos).where(eq(promos.id, input.promoId));
  if (!promo?.active) return "inactive";
  if (promo.validTo && promo.validTo <= input.now) return "expired";
  const [held] = await db
    .select({ id: promoRedemptions.id })
    .from(promoRedemptions)
    .where(eq(promoRedemptions.orderId, input.orderId));
  return held ? null : "exhausted";
}
