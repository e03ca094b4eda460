import { type Database, subscriptions } from "@lumen/db";
import { and, asc, eq, gt, inArray, lte, sql } from "drizzle-orm";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Which quota period `now` falls in, counted from the start of the subscription. */
export const periodIndexOf = (startsAt: Date, periodDays: number, now: Date) =>
  Math.floor((now.getTime() - startsAt.getTime()) / (periodDays * DAY_MS));

export type PlanCharge = { subscriptionId: string; period: number };

/** The user's subscriptions that grant access right now, soonest to end first. */
export function selectLivePlans(db: Database, userId: string, now: Date) {
  return db
    .select()
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.userId, userId),
        inArray(subscriptions.status, ["active", "trial"]),
        lte(subscriptions.startsAt, now),
        gt(subscriptions.endsAt, now),
      ),
    )
    .orderBy(asc(subscriptions.endsAt));
}

/** Gives a message back to the period it was taken from; a period already over is left alone. */
export async function returnPlanMessage(db: Database, charge: PlanCharge): Promise<void> {
  await db
    .update(subscriptions)
    .set({ usageCount: sql`${subscriptions.usageCount} - 1` })
    .where(
      and(
        eq(subscriptions.id, charge.subscriptionId),
        eq(subscriptions.usagePeriod, charge.period),
        gt(subscriptions.usageCount, 0),
      ),
    );
}
