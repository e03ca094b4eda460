import { type Database, type SubscriptionRow, subscriptions, users } from "@lumen/db";
import { and, asc, countDistinct, desc, eq, gt, inArray, lte, sql } from "drizzle-orm";

export type ChatEntitlement = {
  subscription: SubscriptionRow;
  user: {
    id: string;
    telegramId: number;
    firstName: string;
    lastName: string | null;
    username: string | null;
  };
};

const coversChat = (input: { chatId: number; now: Date; graceMs: number }) =>
  and(
    inArray(subscriptions.status, ["active", "trial"]),
    lte(subscriptions.startsAt, input.now),
    gt(subscriptions.endsAt, new Date(input.now.getTime() - input.graceMs)),
    sql`${subscriptions.channelIds} @> ${JSON.stringify([input.chatId])}::jsonb`,
  );

/**
 * Who may be in a chat now: one row per user holding a live plan that covers it (the plan that
 * lasts longest, if several do), soonest-ending first, with how many such users there are in all.
 * The same rule as findEntitledSubscription, which the bot applies to each join request.
 */
export async function listChatEntitlements(
  db: Database,
  input: { chatId: number; now: Date; graceMs: number; limit: number },
): Promise<{ items: ChatEntitlement[]; total: number }> {
  const where = coversChat(input);
  const [count] = await db
    .select({ total: countDistinct(subscriptions.userId) })
    .from(subscriptions)
    .where(where);
  // Each user's longest-lasting covering plan, then the page of them ending soonest.
  const latest = db
    .selectDistinctOn([subscriptions.userId], { id: subscriptions.id, endsAt: subscriptions.endsAt })
    .from(subscriptions)
    .where(where)
    .orderBy(subscriptions.userId, desc(subscriptions.endsAt))
    .as("latest");
  const page = await db.select({ id: latest.id }).from(latest).orderBy(asc(latest.endsAt)).limit(input.limit);
  if (!page.length) return { items: [], total: Number(count?.total ?? 0) };
  const items = await db
    .select({
      subscription: subscriptions,
      user: {
        id: users.id,
        telegramId: users.telegramId,
        firstName: users.firstName,
        lastName: users.lastName,
        username: users.username,
      },
    })
    .from(subscriptions)
    .innerJoin(users, eq(users.id, subscriptions.userId))
    .where(
      inArray(
        subscriptions.id,
        page.map((p) => p.id),
      ),
    )
    .orderBy(asc(subscriptions.endsAt), asc(subscriptions.userId));
  return { items, total: Number(count?.total ?? 0) };
}
