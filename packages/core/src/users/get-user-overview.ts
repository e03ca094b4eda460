import {
  assistantTrials,
  type ChatInviteRow,
  chatInvites,
  type Database,
  orders,
  referralAttributions,
  users,
} from "@lumen/db";
import { and, desc, eq, sql } from "drizzle-orm";
import { getCreditBalance } from "../credits/read-credits.ts";
import { getPartnerStats, type PartnerStats, type ReferralSettings } from "../referrals/partner-stats.ts";
import { listSubscriptions, type SubscriptionListItem } from "../subscriptions/list-subscriptions.ts";
import { getUser } from "./get-user.ts";
import type { UserListItem } from "./list-users.ts";

export type UserOverview = {
  user: UserListItem;
  trial: { messagesGranted: number; messagesLeft: number; startedAt: Date } | null;
  subscriptions: SubscriptionListItem[];
  chatAccess: ChatInviteRow[];
  referredBy: { id: string; firstName: string; username: string | null } | null;
  partner: PartnerStats;
  orders: { paid: number; refunded: number };
};

/**
 * Everything an operator wants on one user's page, read from the domains that own each part
 * (credits, subscriptions, access, referrals), so the page makes one request. Orders, the ledger
 * and the AI log are paged lists of their own.
 */
export async function getUserOverview(
  db: Database,
  settings: ReferralSettings,
  input: { userId: string; now: Date },
): Promise<UserOverview> {
  const user = await getUser(db, input.userId);
  const [balance, [trial], plans, invites, [referrer], partner, [counts]] = await Promise.all([
    getCreditBalance(db, user.id),
    db.select().from(assistantTrials).where(eq(assistantTrials.userId, user.id)),
    listSubscriptions(db, input.now, { userId: user.id, sort: "ends", direction: "desc", limit: 100 }),
    db
      .select()
      .from(chatInvites)
      .where(eq(chatInvites.userId, user.id))
      .orderBy(desc(chatInvites.createdAt))
      .limit(100),
    db
      .select({ id: users.id, firstName: users.firstName, username: users.username })
      .from(referralAttributions)
      .innerJoin(users, eq(users.id, referralAttributions.partnerUserId))
      .where(eq(referralAttributions.userId, user.id)),
    getPartnerStats(db, settings, { partnerUserId: user.id, now: input.now }),
    db
      .select({
        paid: sql<number>`count(*) filter (where ${orders.status} = 'paid')::int`,
        refunded: sql<number>`count(*) filter (where ${orders.status} = 'refunded')::int`,
      })
      .from(orders)
      .where(and(eq(orders.userId, user.id))),
  ]);
  return {
    user: { ...user, balance },
    trial: trial
      ? {
          messagesGranted: trial.messagesGranted,
          messagesLeft: trial.messagesLeft,
          startedAt: trial.startedAt,
        }
      : null,
    subscriptions: plans.items,
    chatAccess: invites,
    referredBy: referrer ?? null,
    partner,
    orders: { paid: counts?.paid ?? 0, refunded: counts?.refunded ?? 0 },
  };
}
