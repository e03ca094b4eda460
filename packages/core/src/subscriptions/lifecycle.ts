import { type Database, type SubscriptionRow, subscriptionNotices, subscriptions } from "@lumen/db";
import { and, asc, eq, gt, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";

const DAY_MS = 86_400_000;

/** The subscription that entitles the user to this chat now (within the grace period), if any. */
export async function findEntitledSubscription(
  db: Database,
  input: { userId: string; chatId: number; now: Date; graceMs: number },
): Promise<SubscriptionRow | null> {
  const [row] = await db
    .select()
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.userId, input.userId),
        inArray(subscriptions.status, ["active", "trial"]),
        lte(subscriptions.startsAt, input.now),
        gt(subscriptions.endsAt, new Date(input.now.getTime() - input.graceMs)),
        sql`${subscriptions.channelIds} @> ${JSON.stringify([input.chatId])}::jsonb`,
      ),
    )
    .orderBy(asc(subscriptions.endsAt))
    .limit(1);
  return row ?? null;
}

/**
 * Claims a notice before it is sent: the unique index lets exactly one worker win, and a
 * renewal (a new end date) makes new reminders possible. Returns false if already claimed.
 */
export async function claimSubscriptionNotice(
  db: Database,
  input: {
    subscriptionId: string;
    kind: "reminder" | "expired";
    daysBefore: number;
    endsAt: Date;
    now: Date;
  },
): Promise<boolean> {
  const rows = await db
    .insert(subscriptionNotices)
    .values({ ...input, createdAt: input.now })
    .onConflictDoNothing()
    .returning({ id: subscriptionNotices.id });
  return rows.length > 0;
}

export type DueReminder = { subscription: SubscriptionRow; daysBefore: number };

/**
 * Live subscriptions whose end is within a reminder threshold. Only the nearest threshold is due:
 * a plan bought with one day left gets the one-day reminder, not also the three-day one.
 */
export async function listDueReminders(
  db: Database,
  input: { now: Date; daysBefore: number[] },
): Promise<DueReminder[]> {
  const thresholds = [...input.daysBefore].sort((a, b) => a - b);
  const longest = thresholds.at(-1);
  if (longest === undefined) return [];
  const rows = await db
    .select()
    .from(subscriptions)
    .where(
      and(
        inArray(subscriptions.status, ["active", "trial"]),
        gt(subscriptions.endsAt, input.now),
        lte(subscriptions.endsAt, new Date(input.now.getTime() + longest * DAY_MS)),
      ),
    );
  return rows.flatMap((subscription) => {
    const left = subscription.endsAt.getTime() - input.now.getTime();
    const daysBefore = thresholds.find((d) => left <= d * DAY_MS);
    return daysBefore === undefined ? [] : [{ subscription, daysBefore }];
  });
}

/** Subscriptions past their end and grace: marked expired, at most once each. */
export async function expireSubscriptions(
  db: Database,
  input: { now: Date; graceMs: number },
): Promise<SubscriptionRow[]> {
  return db
    .update(subscriptions)
    .set({ status: "expired", updatedAt: input.now })
    .where(
      and(
        inArray(subscriptions.status, ["active", "trial"]),
        lt(subscriptions.endsAt, new Date(input.now.getTime() - input.graceMs)),
      ),
    )
    .returning();
}

/**
 * An ended subscription whose members still have to be removed, leased to one worker for a
 * while so two workers never remove (and tell) twice; a crashed worker's lease runs out.
 */
export async function leaseAccessRevocation(
  db: Database,
  input: { now: Date; leaseMs: number },
): Promise<SubscriptionRow[]> {
  const due = await db
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(
      and(
        inArray(subscriptions.status, ["expired", "cancelled"]),
        lte(subscriptions.endsAt, input.now),
        isNull(subscriptions.accessRevokedAt),
        sql`jsonb_array_length(${subscriptions.channelIds}) > 0`,
        or(isNull(subscriptions.accessLeaseUntil), lt(subscriptions.accessLeaseUntil, input.now)),
      ),
    )
    .limit(100);
  const leased: SubscriptionRow[] = [];
  for (const { id } of due) {
    const [row] = await db
      .update(subscriptions)
      .set({ accessLeaseUntil: new Date(input.now.getTime() + input.leaseMs) })
      .where(
        and(
          eq(subscriptions.id, id),
          isNull(subscriptions.accessRevokedAt),
          or(isNull(subscriptions.accessLeaseUntil), lt(subscriptions.accessLeaseUntil, input.now)),
        ),
      )
      .returning();
    if (row) leased.push(row);
  }
  return leased;
}

/** Gives a removal lease back after a failed try, so the next sweep tries again at once. */
export async function releaseAccessLease(db: Database, input: { subscriptionId: string }): Promise<void> {
  await db
    .update(subscriptions)
    .set({ accessLeaseUntil: null })
    .where(and(eq(subscriptions.id, input.subscriptionId), isNull(subscriptions.accessRevokedAt)));
}

export async function markAccessRevoked(
  db: Database,
  input: { subscriptionId: string; now: Date },
): Promise<void> {
  await db
    .update(subscriptions)
    .set({ accessRevokedAt: input.now, accessLeaseUntil: null, updatedAt: input.now })
    .where(eq(subscriptions.id, input.subscriptionId));
}

export async function listUserSubscriptions(
  db: Database,
  input: { userId: string; now: Date },
): Promise<SubscriptionRow[]> {
  return db
    .select()
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.userId, input.userId),
        gt(subscriptions.endsAt, new Date(input.now.getTime() - 30 * DAY_MS)),
      ),
    )
    .orderBy(asc(subscriptions.endsAt));
}
