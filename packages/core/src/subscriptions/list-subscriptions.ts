import { type Database, type SubscriptionRow, subscriptions, users } from "@lumen/db";
import { and, eq, gt, inArray, isNotNull, isNull, lte, not, type SQL } from "drizzle-orm";
import { z } from "zod";
import {
  afterCursor,
  decodeCursor,
  orderByKey,
  type Page,
  type SortKey,
  sortText,
  toPage,
} from "../shared/keyset.ts";
import { parseInput } from "../shared/parse-input.ts";

export const subscriptionStates = ["active", "ending", "expired"] as const;
export const subscriptionSorts = ["ends", "starts", "created"] as const;

const sortKeys: Record<(typeof subscriptionSorts)[number], SortKey> = {
  ends: { expr: subscriptions.endsAt, type: "timestamptz" },
  starts: { expr: subscriptions.startsAt, type: "timestamptz" },
  created: { expr: subscriptions.createdAt, type: "timestamptz" },
};

const listSubscriptionsInput = z.object({
  /** active: live now; ending: live and ending within endingWithinDays; expired: ended or cancelled. */
  state: z.enum(subscriptionStates).optional(),
  endingWithinDays: z.number().int().min(1).max(365).default(7),
  planCode: z.string().min(1).max(100).optional(),
  botId: z.uuid().optional(),
  userId: z.uuid().optional(),
  renewing: z.boolean().optional(),
  sort: z.enum(subscriptionSorts).default("ends"),
  direction: z.enum(["asc", "desc"]).default("asc"),
  cursor: z.string().optional(),
  limit: z.number().int().min(1).max(1000).default(50),
});
export type ListSubscriptionsInput = z.input<typeof listSubscriptionsInput>;
export type SubscriptionListItem = SubscriptionRow & {
  user: { telegramId: number; firstName: string; username: string | null };
};

function stateCondition(state: (typeof subscriptionStates)[number] | undefined, now: Date, days: number) {
  const live = and(inArray(subscriptions.status, ["active", "trial"]), gt(subscriptions.endsAt, now)) as SQL;
  if (state === "active") return live;
  if (state === "ending")
    return and(live, lte(subscriptions.endsAt, new Date(now.getTime() + days * 86_400_000)));
  if (state === "expired") return not(live);
  return undefined;
}

/**
 * The operator's subscriptions list: who is on a plan now, whose plan ends soon (to remind or
 * call them), whose ended. "Live" means what access means: an active or trial plan not yet ended.
 */
export async function listSubscriptions(
  db: Database,
  now: Date,
  input: ListSubscriptionsInput,
): Promise<Page<SubscriptionListItem>> {
  const q = parseInput(listSubscriptionsInput, input);
  const key = sortKeys[q.sort];
  const tag = `subscriptions:${q.sort}:${q.direction}`;
  const cursor = decodeCursor(q.cursor, tag);
  const renewing =
    q.renewing === undefined
      ? undefined
      : q.renewing
        ? isNotNull(subscriptions.starChargeId)
        : isNull(subscriptions.starChargeId);
  const rows = await db
    .select({
      subscription: subscriptions,
      telegramId: users.telegramId,
      firstName: users.firstName,
      username: users.username,
      sortValue: sortText(key),
    })
    .from(subscriptions)
    .innerJoin(users, eq(users.id, subscriptions.userId))
    .where(
      and(
        stateCondition(q.state, now, q.endingWithinDays),
        q.planCode ? eq(subscriptions.planCode, q.planCode) : undefined,
        q.botId ? eq(subscriptions.botId, q.botId) : undefined,
        q.userId ? eq(subscriptions.userId, q.userId) : undefined,
        renewing,
        afterCursor(key, subscriptions.id, q.direction, cursor),
      ),
    )
    .orderBy(...orderByKey(key, subscriptions.id, q.direction))
    .limit(q.limit + 1);
  return toPage(
    rows.map((r) => ({
      ...r.subscription,
      user: { telegramId: r.telegramId, firstName: r.firstName, username: r.username },
      sortValue: r.sortValue,
    })),
    q.limit,
    tag,
  );
}
