import { tasks } from "@lumen/db";
import { sql } from "drizzle-orm";
import { readAudience } from "../analytics/read-audience.ts";
import { type CurrencyRevenue, readRevenue } from "../analytics/read-revenue.ts";
import { resolvePeriod } from "../analytics/resolve-period.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";

export type TodayFigures = {
  day: string;
  newUsers: number;
  revenue: CurrencyRevenue[];
  openTasks: number;
  overdueTasks: number;
};

/**
 * Today's figures for an operator in the bot's /admin: new users and revenue (the dashboard's
 * own aggregates for the day, UTC) and the tasks open and overdue right now.
 */
export async function getTodayFigures(ctx: CoreContext, actor: Actor): Promise<TodayFigures> {
  requireRole(actor, "operator");
  const now = ctx.clock.now();
  const day = now.toISOString().slice(0, 10);
  const period = await resolvePeriod(ctx.db, now, { from: day, to: day, tz: "UTC" });
  const audience = await readAudience(ctx.db, period);
  const revenue = await readRevenue(ctx.db, period);
  const [counts] = await ctx.db
    .select({
      open: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) filter (where ${tasks.deadline} < ${now.toISOString()}::timestamptz))::int`,
    })
    .from(tasks)
    .where(sql`${tasks.status} in ('new', 'in_progress', 'waiting')`);
  return {
    day,
    newUsers: audience.newUsers.value,
    revenue: revenue.currencies,
    openTasks: Number(counts?.open ?? 0),
    overdueTasks: Number(counts?.overdue ?? 0),
  };
}
