import { type Database, subscriptions } from "@lumen/db";
import { and, eq, isNotNull } from "drizzle-orm";

/** The first payment of a Star subscription: remember its charge id, which renews and cancels it. */
export async function linkStarSubscription(
  db: Database,
  input: { subscriptionId: string; chargeId: string; now: Date },
): Promise<void> {
  await db
    .update(subscriptions)
    .set({ starChargeId: input.chargeId, updatedAt: input.now })
    .where(eq(subscriptions.id, input.subscriptionId));
}

/** /cancel: the plans that renew by themselves, and so can be stopped from renewing. */
export async function listRenewingSubscriptions(db: Database, userId: string) {
  return db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.userId, userId), isNotNull(subscriptions.starChargeId)));
}

/** Renewal is off; access stays to the end of the period already paid. */
export async function stopRenewal(db: Database, input: { subscriptionId: string; now: Date }): Promise<void> {
  await db
    .update(subscriptions)
    .set({ starChargeId: null, updatedAt: input.now })
    .where(eq(subscriptions.id, input.subscriptionId));
}
