import { type Database, type SubscriptionRow, subscriptionPeriods, subscriptions } from "@lumen/db";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";

/** Grant key of the one period migration 0017 gave each plan bought before periods existed. */
export const BACKFILL_PREFIX = "backfill:";

export type PeriodRevocation = {
  /** Periods this call took back (0 when the order's time was already taken back). */
  revoked: number;
  /** The plan's end after the revocation. */
  endsAt: Date;
  /** True when nothing paid remains: the plan ended now. */
  ended: boolean;
};

/**
 * A refund takes back exactly the time its order bought. The order's periods are revoked and the
 * plan's live periods are laid end to end again from where the first one began, so the buyer
 * keeps what their other orders bought and nothing more. When nothing remains (or what remains
 * is already used up) the plan ends now. Revoking the same order again changes nothing.
 */
export async function revokePlanPeriod(
  db: Database,
  now: Date,
  input: { subscriptionId: string; orderId: string },
): Promise<PeriodRevocation> {
  const [subscription] = await db
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.id, input.subscriptionId))
    .for("update");
  if (!subscription) return { revoked: 0, endsAt: now, ended: true };
  const periods = await db
    .select()
    .from(subscriptionPeriods)
    .where(eq(subscriptionPeriods.subscriptionId, subscription.id))
    .orderBy(asc(subscriptionPeriods.startsAt), asc(subscriptionPeriods.createdAt));
  // An order from before periods existed has none of its own: its time is in the plan's
  // backfilled period (migration 0017), which is what it takes back.
  const hasOwn = periods.some((p) => p.orderId === input.orderId);
  const mine = periods.filter(
    (p) => !p.revokedAt && (hasOwn ? p.orderId === input.orderId : p.grantKey.startsWith(BACKFILL_PREFIX)),
  );
  if (periods.length === 0) return endNow(db, subscription, now, 0);
  if (mine.length === 0) {
    return { revoked: 0, endsAt: subscription.endsAt, ended: subscription.status === "cancelled" };
  }
  const taken = new Set(mine.map((p) => p.id));
  await db
    .update(subscriptionPeriods)
    .set({ revokedAt: now })
    .where(
      and(
        eq(subscriptionPeriods.subscriptionId, subscription.id),
        inArray(subscriptionPeriods.id, [...taken]),
        isNull(subscriptionPeriods.revokedAt),
      ),
    );
  let cursor = Math.min(...periods.map((p) => p.startsAt.getTime()));
  for (const period of periods) {
    if (period.revokedAt || taken.has(period.id)) continue;
    const length = period.endsAt.getTime() - period.startsAt.getTime();
    if (period.startsAt.getTime() !== cursor) {
      await db
        .update(subscriptionPeriods)
        .set({ startsAt: new Date(cursor), endsAt: new Date(cursor + length) })
        .where(eq(subscriptionPeriods.id, period.id));
    }
    cursor += length;
  }
  if (cursor <= now.getTime()) return endNow(db, subscription, now, mine.length);
  const endsAt = new Date(cursor);
  await db.update(subscriptions).set({ endsAt, updatedAt: now }).where(eq(subscriptions.id, subscription.id));
  return { revoked: mine.length, endsAt, ended: false };
}

async function endNow(
  db: Database,
  subscription: SubscriptionRow,
  now: Date,
  revoked: number,
): Promise<PeriodRevocation> {
  const endsAt = subscription.endsAt < now ? subscription.endsAt : now;
  await db
    .update(subscriptions)
    .set({ status: "cancelled", endsAt, updatedAt: now })
    .where(eq(subscriptions.id, subscription.id));
  return { revoked, endsAt, ended: true };
}
