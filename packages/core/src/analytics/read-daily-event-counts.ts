import type { Database, EventType } from "@lumen/db";
import { sql } from "drizzle-orm";
import { num, rowsOf } from "../shared/sql-rows.ts";
import { executeReport } from "./execute-report.ts";
import { type PeriodInput, resolvePeriod } from "./resolve-period.ts";

export type DailyEventCount = {
  day: string;
  type: EventType;
  source: string | null;
  events: number;
  users: number;
};

/**
 * Events per UTC day, type and source over a period, with the distinct people per day: from the
 * live events and, for days already pruned, from their roll-up, so a report over an old period
 * reads the same before and after the retention job ran. (A day is either wholly live or wholly
 * rolled up: the job cuts at UTC midnights.)
 */
export async function readDailyEventCounts(
  db: Database,
  now: Date,
  input: PeriodInput,
): Promise<DailyEventCount[]> {
  const period = await resolvePeriod(db, now, input);
  const liveBot = period.botId ? sql`and e.bot_id = ${period.botId}` : sql``;
  const rolledBot = period.botId ? sql`and r.bot_id = ${period.botId}` : sql``;
  const rows = rowsOf<{
    day: string;
    type: EventType;
    source: string | null;
    events: unknown;
    users: unknown;
  }>(
    await executeReport(
      db,
      sql`
      with live as (
        select (e.occurred_at at time zone 'UTC')::date as day, e.type, e.source,
               count(*) as events, count(distinct e.user_id) as users
        from events e
        where e.occurred_at >= ${period.startsAt} and e.occurred_at < ${period.endsAt} ${liveBot}
        group by 1, 2, 3
      ), rolled as (
        select r.day, r.type, r.source, sum(r.events) as events, sum(r.users) as users
        from event_daily_counts r
        where r.day >= (${period.startsAt.toISOString()}::timestamptz at time zone 'UTC')::date
          and r.day < (${period.endsAt.toISOString()}::timestamptz at time zone 'UTC')::date ${rolledBot}
        group by 1, 2, 3
      )
      select to_char(day, 'YYYY-MM-DD') as day, type, source, sum(events) as events, sum(users) as users
      from (select * from live union all select * from rolled) x
      group by day, type, source
      order by day, type, source nulls first`,
    ),
  );
  return rows.map((r) => ({
    day: r.day,
    type: r.type,
    source: r.source,
    events: num(r.events),
    users: num(r.users),
  }));
}
