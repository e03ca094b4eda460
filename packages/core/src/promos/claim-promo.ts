import { type Database, type PromoRow, promoClaims, promos } from "@lumen/db";
import { eq } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import { checkPromoUsable, findPromo, PromoRefused } from "./quote-promo.ts";

/** /promo CODE or a promo_CODE link: checked now, remembered for the user's next purchases. */
export async function claimPromo(
  ctx: CoreContext,
  input: { userId: string; code: string },
): Promise<PromoRow> {
  const promo = await findPromo(ctx.db, input.code);
  if (!promo) throw new PromoRefused("unknown");
  await checkPromoUsable(ctx.db, promo, { userId: input.userId, now: ctx.clock.now() });
  await ctx.db
    .insert(promoClaims)
    .values({ userId: input.userId, promoId: promo.id, createdAt: ctx.clock.now() })
    .onConflictDoUpdate({
      target: promoClaims.userId,
      set: { promoId: promo.id, createdAt: ctx.clock.now() },
    });
  return promo;
}

export async function getClaimedPromo(db: Database, userId: string): Promise<PromoRow | undefined> {
  const [row] = await db
    .select({ promo: promos })
    .from(promoClaims)
    .innerJoin(promos, eq(promos.id, promoClaims.promoId))
    .where(eq(promoClaims.userId, userId));
  return row?.promo;
}
