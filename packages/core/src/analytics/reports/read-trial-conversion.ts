import type { Database } from "@lumen/db";
import { sql } from "drizzle-orm";
import { num, rowsOf } from "../../shared/sql-rows.ts";
import { executeReport } from "../execute-report.ts";
import { type PeriodInput, resolvePeriod } from "../resolve-period.ts";

export type TrialConversion = { trials: number; converted: number };

/** Of the users who started a trial in the period, how many paid for an order after it (until now). */
export async function readTrialConversion(
  db: Database,
  now: Date,
  input: PeriodInput,
): Promise<TrialConversion> {
  const period = await resolvePeriod(db, now, input);
  const eventBot = period.botId ? sql`and e.bot_id = ${period.botId}` : sql``;
  const [row] = rowsOf<{ trials: unknown; converted: unknown }>(
    await executeReport(
      db,
      sql`
      with trials as (
        select e.user_id, min(e.occurred_at) as at
        from events e
        where e.type = 'trial_started' and e.occurred_at >= ${period.startsAt} and e.occurred_at < ${period.endsAt}
          ${eventBot}
        group by e.user_id
      )
      select count(*) as trials,
             count(*) filter (where exists (
               select 1 from orders o where o.user_id = t.user_id and o.status = 'paid' and o.paid_at >= t.at
             )) as converted
      from trials t`,
    ),
  );
  return { trials: num(row?.trials), converted: num(row?.converted) };
}
