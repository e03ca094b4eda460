import { type Currency, type Database, type PromoRow, promoRedemptions, promos } from "@lumen/db";
import { and, eq, sql } from "drizzle-orm";
import { LumenError } from "../shared/errors.ts";

export type PromoRefusal =
  | "unknown"
  | "inactive"
  | "not_started"
  | "expired"
  | "exhausted"
  | "used"
  | "not_applicable";

export class PromoRefused extends LumenError {
  readonly reason: PromoRefusal;
  constructor(reason: PromoRefusal) {
    super(
      reason === "unknown" ? "NOT_FOUND" : "CONFLICT",
      `The promo code cannot be used: ${reason.replace("_", " ")}`,
      {
        field: "promo_code",
        reason,
      },
    );
    this.reason = reason;
  }
}

export async function findPromo(db: Database, code: string): Promise<PromoRow | undefined> {
  const [row] = await db.select().from(promos).where(eq(promos.code, code.trim().toUpperCase()));
  return row;
}

/** Whether the code may be used by this user now (any product): active, in its dates, uses left, not used before. */
export async function checkPromoUsable(
  db: Database,
  promo: PromoRow,
  input: { userId: string; now: Date },
): Promise<void> {
  if (!promo.active) throw new PromoRefused("inactive");
  if (promo.validFrom && promo.validFrom > input.now) throw new PromoRefused("not_started");
  if (promo.validTo && promo.validTo <= input.now) throw new PromoRefused("expired");
  if (promo.maxUses !== null && promo.uses >= promo.maxUses) throw new PromoRefused("exhausted");
  if (promo.oncePerUser) {
    const [used] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(promoRedemptions)
      .where(and(eq(promoRedemptions.promoId, promo.id), eq(promoRedemptions.userId, input.userId)));
    if ((used?.n ?? 0) > 0) throw new PromoRefused("used");
  }
}

export type PromoQuote = { promo: PromoRow; amount: number };

/**
 * The price with the code applied, computed on the server in integers: a percent rounds the
 * discount down (the buyer never pays less than the percent says), and nothing costs less than 1.
 */
export async function quotePromo(
  db: Database,
  input: { code: string; userId: string; productId: string; currency: Currency; amount: number; now: Date },
): Promise<PromoQuote> {
  const promo = await findPromo(db, input.code);
  if (!promo) throw new PromoRefused("unknown");
  await checkPromoUsable(db, promo, input);
  if (promo.kind === "free_days") throw new PromoRefused("not_applicable");
  if (promo.productIds && !promo.productIds.includes(input.productId))
    throw new PromoRefused("not_applicable");
  let amount = input.amount;
  if (promo.kind === "percent_off") amount = input.amount - Math.floor((input.amount * promo.value) / 100);
  if (promo.kind === "fixed_off") {
    if (promo.currency !== input.currency) throw new PromoRefused("not_applicable");
    amount = input.amount - promo.value;
  }
  return { promo, amount: Math.max(1, amount) };
}
