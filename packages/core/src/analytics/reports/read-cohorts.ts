import type { Database } from "@lumen/db";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { validationFailed } from "../../shared/errors.ts";
import { parseInput } from "../../shared/parse-input.ts";
import { num, rowsOf } from "../../shared/sql-rows.ts";
import { executeReport } from "../execute-report.ts";
import { firstStarts } from "./first-source.ts";

const cohortInput = z.object({
  /** How many weeks of cohorts, the current one included. */
  weeks: z.number().int().min(1).max(26).default(8),
  tz: z.string().min(1).max(64).default("UTC"),
  botId: z.uuid().optional(),
});

export type Cohort = {
  /** Monday of the week the users first started the bot, YYYY-MM-DD in the timezone. */
  week: string;
  users: number;
  /** Index k: of those users, how many did anything in week k after their first (0 = that week). */
  active: number[];
  /** Index k: how many paid for an order in week k. */
  paying: number[];
};

/**
 * Retention by weekly cohort: users are grouped by the week of their first /start, and each
 * later week counts who came back (any event) and who paid (a paid order), up to this week.
 */
export async function readCohorts(
  db: Database,
  now: Date,
  input: z.input<typeof cohortInput>,
): Promise<Cohort[]> {
  const { weeks, tz, botId } = parseInput(cohortInput, input);
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
  } catch {
    throw validationFailed("tz", `${tz} is not an IANA time zone`);
  }
  const startBot = botId ? sql`and s.bot_id = ${botId}` : sql``;
  const eventBot = botId ? sql`and e.bot_id = ${botId}` : sql``;
  const orderBot = botId ? sql`and o.bot_id = ${botId}` : sql``;
  const rows = rowsOf<{ week: string; offset: unknown; users: unknown; active: unknown; paying: unknown }>(
    await executeReport(
      db,
      sql`
      with this_week as (
        select date_trunc('week', (${now}::timestamptz at time zone ${tz}))::date as monday
      ), cohort as (
        select f.user_id, date_trunc('week', (f.started_at at time zone ${tz}))::date as week
        from (${firstStarts(startBot)}) f, this_week w
        where (f.started_at at time zone ${tz}) >= w.monday - ${(weeks - 1) * 7}::int
      ), activity as (
        select c.user_id, c.week,
               ((date_trunc('week', (e.occurred_at at time zone ${tz}))::date - c.week) / 7) as k,
               false as paid
        from cohort c join events e on e.user_id = c.user_id ${eventBot}
        union all
        select c.user_id, c.week,
               ((date_trunc('week', (o.paid_at at time zone ${tz}))::date - c.week) / 7) as k,
               true as paid
        from cohort c join orders o on o.user_id = c.user_id and o.status = 'paid' ${orderBot}
      ), sizes as (
        select week, count(*) as users from cohort group by week
      )
      select to_char(s.week, 'YYYY-MM-DD') as week, a.k as "offset", s.users,
             count(distinct a.user_id) as active,
             count(distinct a.user_id) filter (where a.paid) as paying
      from sizes s left join activity a on a.week = s.week and a.k >= 0
      group by s.week, a.k, s.users
      order by s.week, a.k`,
    ),
  );
  const byWeek = new Map<string, Cohort>();
  for (const r of rows) {
    let cohort = byWeek.get(r.week);
    if (!cohort) {
      cohort = { week: r.week, users: num(r.users), active: [], paying: [] };
      byWeek.set(r.week, cohort);
    }
    if (r.offset === null || r.offset === undefined) continue;
    const k = num(r.offset);
    cohort.active[k] = num(r.active);
    cohort.paying[k] = num(r.paying);
  }
  // A week nobody came back in is a 0, not a hole, up to this week.
  const monday = (week: string) => Date.parse(`${week}T00:00:00Z`);
  const latest = Math.max(...[...byWeek.keys()].map(monday));
  for (const cohort of byWeek.values()) {
    const span = Math.round((latest - monday(cohort.week)) / (7 * 86_400_000)) + 1;
    cohort.active = Array.from({ length: span }, (_, k) => cohort.active[k] ?? 0);
    cohort.paying = Array.from({ length: span }, (_, k) => cohort.paying[k] ?? 0);
  }
  return [...byWeek.values()];
}
