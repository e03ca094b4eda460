import {
  assistantTrials,
  type BroadcastSegment,
  botBlocks,
  broadcastListMembers,
  orders,
  products,
  type SegmentParams,
  subscriptions,
  users,
} from "@lumen/db";
import { type SQL, sql } from "drizzle-orm";
import { isEnrolledInCourse } from "../courses/enrolled-users.ts";
import { hasEverPaid } from "../orders/has-paid-order.ts";

const DAY_MS = 86_400_000;
const livePlan = sql`${subscriptions.status} in ('trial', 'active', 'past_due')`;

/** The plans of one product (by its plan code) or of any product. */
const ofProduct = (productId: string | undefined) =>
  productId
    ? sql`and ${subscriptions.planCode} = (select ${products.details}->>'planCode' from ${products} where ${products.id} = ${productId})`
    : sql``;

/**
 * The SQL condition on `users` for a segment of one bot's audience (read-only over the users,
 * subscriptions, orders and assistant tables; course places through the courses domain's own condition). Users blocked by an operator, and users who blocked
 * this bot and have not written since, are always left out.
 */
export function audienceCondition(
  botId: string,
  segment: BroadcastSegment,
  params: SegmentParams,
  now: Date,
): SQL {
  const nowIso = now.toISOString();
  const reachable = sql`${users.botId} = ${botId} and not ${users.isBanned}
    and not exists (select 1 from ${botBlocks} where ${botBlocks.botId} = ${botId}
      and ${botBlocks.userId} = ${users.id} and ${botBlocks.blockedAt} >= ${users.lastSeenAt})`;
  const paid = sql`exists (select 1 from ${orders} where ${orders.userId} = ${users.id} and ${orders.status} = 'paid')`;
  const plan = (extra: SQL) =>
    sql`exists (select 1 from ${subscriptions} where ${subscriptions.userId} = ${users.id} ${extra})`;
  const condition = (): SQL => {
    switch (segment) {
      case "everyone":
        return sql`true`;
      case "language":
        return sql`coalesce(${users.locale}, ${users.languageCode}, '') like ${`${params.language ?? ""}%`}`;
      case "trial":
        return sql`(exists (select 1 from ${assistantTrials} where ${assistantTrials.userId} = ${users.id}
            and ${assistantTrials.messagesLeft} > 0
            and (${assistantTrials.expiresAt} is null or ${assistantTrials.expiresAt} > ${nowIso}))
          or ${plan(sql`and ${subscriptions.status} = 'trial' and ${subscriptions.endsAt} > ${nowIso}`)})`;
      case "paying":
        return paid;
      case "never_paid":
        return sql`not ${hasEverPaid(sql`${users.id}`)}`;
      case "active_plan":
        return plan(
          sql`and ${livePlan} and ${subscriptions.endsAt} > ${nowIso} ${ofProduct(params.productId)}`,
        );
      case "plan_ending": {
        const until = new Date(now.getTime() + (params.days ?? 0) * DAY_MS).toISOString();
        return plan(
          sql`and ${livePlan} and ${subscriptions.endsAt} > ${nowIso} and ${subscriptions.endsAt} <= ${until} ${ofProduct(params.productId)}`,
        );
      }
      case "plan_expired":
        return sql`${plan(sql`and ${subscriptions.endsAt} <= ${nowIso} ${ofProduct(params.productId)}`)}
          and not ${plan(sql`and ${livePlan} and ${subscriptions.endsAt} > ${nowIso} ${ofProduct(params.productId)}`)}`;
      case "inactive": {
        const since = new Date(now.getTime() - (params.days ?? 0) * DAY_MS).toISOString();
        return sql`${users.lastSeenAt} < ${since}`;
      }
      case "course":
        return isEnrolledInCourse(users.id, params.courseCode);
      case "list":
        return sql`exists (select 1 from ${broadcastListMembers} where ${broadcastListMembers.listId} = ${params.listId ?? null}
          and ${broadcastListMembers.telegramId} = ${users.telegramId})`;
    }
  };
  return sql`(${reachable}) and (${condition()})`;
}
