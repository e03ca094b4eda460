import { type Database, taskPlanQuotas, taskQuotaUsage } from "@lumen/db";
import { and, eq, sql } from "drizzle-orm";
import { periodIndexOf, selectLivePlans } from "../subscriptions/plan-usage.ts";

export type TaskAllowance = {
  subscriptionId: string;
  planCode: string;
  title: string;
  period: number;
  tasksPerPeriod: number;
  tasksLeft: number;
  priorityAllowed: boolean;
};

/**
 * The user's live plans that give tasks, soonest to end first, with what is left of this
 * period's quota. Read-only: what the bot shows before the subscriber starts writing.
 */
export async function listTaskAllowances(db: Database, userId: string, now: Date): Promise<TaskAllowance[]> {
  const live = await selectLivePlans(db, userId, now);
  if (live.length === 0) return [];
  const quotas = await db.select().from(taskPlanQuotas);
  const byCode = new Map(quotas.map((q) => [q.planCode, q]));
  const allowances: TaskAllowance[] = [];
  for (const plan of live) {
    const quota = byCode.get(plan.planCode);
    if (!quota) continue;
    const period = periodIndexOf(plan.startsAt, plan.periodDays, now);
    const [usage] = await db
      .select({ used: taskQuotaUsage.used })
      .from(taskQuotaUsage)
      .where(and(eq(taskQuotaUsage.subscriptionId, plan.id), eq(taskQuotaUsage.period, period)));
    allowances.push({
      subscriptionId: plan.id,
      planCode: plan.planCode,
      title: plan.title,
      period,
      tasksPerPeriod: quota.tasksPerPeriod,
      tasksLeft: Math.max(0, quota.tasksPerPeriod - (usage?.used ?? 0)),
      priorityAllowed: quota.priorityAllowed,
    });
  }
  return allowances;
}

/**
 * The plan the next task is taken from: the first (soonest to end) with a task left this period,
 * the order `takeTaskQuota` charges in. Whether a new task may be written, and with high priority,
 * is read from it, in the bot and in the Mini App alike.
 */
export function nextTaskAllowance(allowances: readonly TaskAllowance[]): TaskAllowance | undefined {
  return allowances.find((a) => a.tasksLeft > 0);
}

export type TaskCharge = { subscriptionId: string; period: number; priorityAllowed: boolean };

/**
 * Takes one task from the first plan with quota left this period. The limit is checked in
 * the upsert itself (on the row's latest version, under its lock), so concurrent creations
 * never use more than the quota. Null: no plan gives tasks, or every one is used up.
 */
export async function takeTaskQuota(
  db: Database,
  userId: string,
  now: Date,
): Promise<{ charge: TaskCharge | null; hasPlan: boolean }> {
  const allowances = await listTaskAllowances(db, userId, now);
  for (const a of allowances) {
    const [taken] = await db
      .insert(taskQuotaUsage)
      .values({ subscriptionId: a.subscriptionId, period: a.period, used: 1 })
      .onConflictDoUpdate({
        target: [taskQuotaUsage.subscriptionId, taskQuotaUsage.period],
        set: { used: sql`${taskQuotaUsage.used} + 1` },
        setWhere: sql`${taskQuotaUsage.used} < ${a.tasksPerPeriod}`,
      })
      .returning({ used: taskQuotaUsage.used });
    if (taken) {
      return {
        charge: { subscriptionId: a.subscriptionId, period: a.period, priorityAllowed: a.priorityAllowed },
        hasPlan: true,
      };
    }
  }
  return { charge: null, hasPlan: allowances.length > 0 };
}

/** Gives a task back to the period it was taken from (a task cancelled before anyone took it). */
export async function returnTaskQuota(db: Database, subscriptionId: string, period: number): Promise<void> {
  await db
    .update(taskQuotaUsage)
    .set({ used: sql`${taskQuotaUsage.used} - 1` })
    .where(
      and(
        eq(taskQuotaUsage.subscriptionId, subscriptionId),
        eq(taskQuotaUsage.period, period),
        sql`${taskQuotaUsage.used} > 0`,
      ),
    );
}
