import type { Database } from "@lumen/db";
import { periodIndexOf, selectLivePlans } from "./plan-usage.ts";

export type ActivePlan = {
  id: string;
  planCode: string;
  title: string;
  endsAt: Date;
  /** null when the plan is unlimited (within its fair-use cap). */
  messagesPerPeriod: number | null;
  messagesLeftThisPeriod: number;
};

export type LivePlanRow = {
  id: string;
  planCode: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  periodDays: number;
  messagesPerPeriod: number | null;
  fairUseCap: number;
  usagePeriod: number;
  usageCount: number;
};

/** The plan that answers the user's next question, as /balance and the API show it. */
export async function getActivePlan(db: Database, userId: string, now: Date): Promise<ActivePlan | null> {
  const [plan] = await selectLivePlans(db, userId, now).limit(1);
  return plan ? activePlanOf(plan, now) : null;
}

/** What is left of a live plan's quota in the period `now` falls in. */
export function activePlanOf(plan: LivePlanRow, now: Date): ActivePlan {
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
