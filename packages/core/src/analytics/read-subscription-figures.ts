import type { Database } from "@lumen/db";
import { sql } from "drizzle-orm";
import { num, rowsOf } from "../shared/sql-rows.ts";
import { type DrillLink, drill } from "./drill-link.ts";
import { executeReport } from "./execute-report.ts";
import type { Period } from "./resolve-period.ts";

export type SubscriptionFigures = {
  /** Plans live at the end of the period (or now, for a period that has not ended yet). */
  active: { value: number; link: DrillLink };
  /** Paid plan orders in the period from users who had paid for the same plan before. */
  renewals: { value: number; link: DrillLink };
  /** Plans that ended in the period and were not taken again, and their share of the plans live at its start. */
  churn: { value: number; percent: number; link: DrillLink };
};

/**
 * Subscriptions seen through their dates, not their status column alone: a plan was live at t
 * when it had started and not yet ended (a cancelled one never counts), so a past period reads
 * the same tomorrow as today. A renewal extends the same row, so an ended row was not renewed.
 */
export async function readSubscriptionFigures(
  db: Database,
  period: Period,
  now: Date,
): Promise<SubscriptionFigures> {
  const { startsAt: from, botId } = period;
  const at = period.endsAt < now ? period.endsAt : now;
  const bot = (alias: string) => (botId ? sql`and ${sql.raw(alias)}.bot_id = ${botId}` : sql``);
  // Independent reads: on a PostgreSQL pool they run at once, each on its own connection.
  const results = await Promise.all([
    executeReport(
      db,
      sql`
      select count(*) filter (where s.starts_at <= ${at} and s.ends_at > ${at})::int as at_end,
             count(*) filter (where s.starts_at <= ${from} and s.ends_at > ${from})::int as at_start
      from subscriptions s
      where s.status <> 'cancelled' and s.ends_at > ${from} ${bot("s")}`,
    ),
    executeReport(
      db,
      sql`
      select count(*)::int as n from subscriptions s
      where s.status <> 'cancelled' and s.ends_at >= ${from} and s.ends_at < ${at} ${bot("s")}
        and not exists (
          select 1 from subscriptions later
          where later.user_id = s.user_id and later.plan_code = s.plan_code and later.id <> s.id
            and later.starts_at >= s.ends_at and later.starts_at < ${at})`,
    ),
    executeReport(
      db,
      sql`
      select count(*)::int as n from orders o
      where o.status = 'paid' and o.kind = 'plan' and o.paid_at >= ${from} and o.paid_at < ${period.endsAt}
        ${bot("o")}
        and exists (
          select 1 from orders p
          where p.user_id = o.user_id and p.kind = 'plan' and p.paid_at < o.paid_at
            and p.status in ('paid', 'refunded') and p.plan_code = o.plan_code)`,
    ),
  ]);
  const [live] = rowsOf<{ at_end: unknown; at_start: unknown }>(results[0]);
  const [churned] = rowsOf<{ n: unknown }>(results[1]);
  const [renewals] = rowsOf<{ n: unknown }>(results[2]);
  const atStart = num(live?.at_start);
  const churnCount = num(churned?.n);
  return {
    active: { value: num(live?.at_end), link: drill("subscriptions", { status: "active", bot_id: botId }) },
    renewals: { value: num(renewals?.n), link: drill("orders", { status: "paid", kind: "plan" }, period) },
    churn: {
      value: churnCount,
      percent: atStart ? Math.round((churnCount / atStart) * 1000) / 10 : 0,
      link: drill("subscriptions", { status: "expired" }, period),
    },
  };
}
