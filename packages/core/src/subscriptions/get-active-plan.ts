import { type Database, subscriptions } from "@lumen/db";
import { and, asc, eq, gt, inArray, lte } from "drizzle-orm";
import { periodIndexOf } from "./plan-usage.ts";

export type ActivePlan = {
  id: string;
  planCode: string;
  title: string;
  endsAt: Date;
  /** null when the plan is unlimited (within its fair-use cap). */
  messagesPerPeriod: number | null;
  messagesLeftThisPeriod: number;
};

/** The plan that answers the user's next question, as /balance and the API show it. */
export async function getActivePlan(db: Database, userId: string, now: Date): Promise<ActivePlan | null> {
  const [plan] = await db
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
    .orderBy(asc(subscriptions.endsAt))
    .limit(1);
  if (!plan) return null;
  const used = plan.usagePeriod === periodIndexOf(plan.startsAt, plan.periodDays, now) ? plan.usageCount : 0;
  const limit = plan.messagesPerPeriod ?? plan.fairUseCap;
  return {
    id: plan.id,
    planCode: plan.planCode,
    title: plan.title,
    endsAt: plan.endsAt,
    messagesPerPeriod: plan.messagesPerPeriod,
    messagesLeftThisPeriod: Math.max(0, limit - used),
  };
}
