import { sql } from "drizzle-orm";
import { z } from "zod";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { num, rowsOf } from "../shared/sql-rows.ts";

const input = z
  .object({ from: z.date(), to: z.date(), assistantId: z.uuid().optional() })
  .refine((p) => p.to > p.from, { path: ["to"], message: "must be after from" });

export type AssistantStatistics = {
  assistantId: string;
  email: string | null;
  taken: number;
  done: number;
  /** Seconds from the task's creation to its first answer from an assistant. */
  firstResponseMedianSeconds: number | null;
  firstResponseP90Seconds: number | null;
  /** Seconds from the task's creation to "done". */
  doneMedianSeconds: number | null;
  doneP90Seconds: number | null;
  /** Reopened / done in the period; null when nothing was done. */
  reopenRate: number | null;
  averageRating: number | null;
  ratings: number;
  /** Tasks whose deadline fell in the period (and has passed) without being done by it. */
  overdue: number;
};

const secondsOrNull = (value: unknown) =>
  value === null || value === undefined ? null : Math.round(Number(value));

/**
 * Per assistant and period [from, to), computed in SQL from task_events alone (plus each task's
 * creation time and deadline), so figures can always be recomputed and never drift. Each event
 * counts for the assistant responsible once it happened (its assignee_id).
 */
export async function getAssistantStatistics(
  ctx: CoreContext,
  actor: Actor,
  raw: z.input<typeof input>,
): Promise<AssistantStatistics[]> {
  requireRole(actor, "assistant");
  const p = parseInput(input, raw);
  // An assistant sees their own figures; operators and up see everyone's.
  const only = actor.role === "assistant" ? actor.id : (p.assistantId ?? null);
  const now = ctx.clock.now();
  const from = p.from.toISOString();
  const to = p.to.toISOString();
  const result = await ctx.db.execute(sql`
    with period_events as (
      select e.*, t.created_at as task_created_at
      from task_events e join tasks t on t.id = e.task_id
      where e.at >= ${from}::timestamptz and e.at < ${to}::timestamptz and e.assignee_id is not null
    ),
    first_responses as (
      select distinct on (e.task_id) e.task_id, e.assignee_id, e.at, t.created_at as task_created_at
      from task_events e join tasks t on t.id = e.task_id
      where e.actor_type = 'operator' and e.kind in ('message', 'waiting', 'done') and e.assignee_id is not null
      order by e.task_id, e.at
    ),
    latest_ratings as (
      select distinct on (task_id) task_id, assignee_id, (data->>'rating')::int as rating
      from period_events where kind = 'rated'
      order by task_id, at desc
    ),
    counts as (
      select assignee_id,
        count(*) filter (where kind in ('taken', 'handed_over')) as taken,
        count(*) filter (where kind = 'done') as done,
        count(*) filter (where kind = 'reopened') as reopened,
        percentile_cont(0.5) within group (order by extract(epoch from at - task_created_at))
          filter (where kind = 'done') as done_median,
        percentile_cont(0.9) within group (order by extract(epoch from at - task_created_at))
          filter (where kind = 'done') as done_p90
      from period_events group by assignee_id
    ),
    responses as (
      select assignee_id,
        percentile_cont(0.5) within group (order by extract(epoch from at - task_created_at)) as median,
        percentile_cont(0.9) within group (order by extract(epoch from at - task_created_at)) as p90
      from first_responses
      where at >= ${from}::timestamptz and at < ${to}::timestamptz
      group by assignee_id
    ),
    ratings as (
      select assignee_id, avg(rating) as average, count(*) as n from latest_ratings group by assignee_id
    ),
    overdue as (
      select t.assignee_id, count(*) as n
      from tasks t
      where t.deadline >= ${from}::timestamptz and t.deadline < ${to}::timestamptz
        and t.deadline < ${now.toISOString()}::timestamptz and t.assignee_id is not null
        and not exists (
          select 1 from task_events d
          where d.task_id = t.id and d.kind in ('done', 'cancelled') and d.at <= t.deadline
        )
      group by t.assignee_id
    ),
    assistants as (
      select assignee_id from counts union select assignee_id from responses
      union select assignee_id from ratings union select assignee_id from overdue
    )
    select a.assignee_id as "assistantId", ad.email,
      coalesce(c.taken, 0) as taken, coalesce(c.done, 0) as done, coalesce(c.reopened, 0) as reopened,
      r.median as "firstResponseMedian", r.p90 as "firstResponseP90",
      c.done_median as "doneMedian", c.done_p90 as "doneP90",
      rt.average as "averageRating", coalesce(rt.n, 0) as ratings, coalesce(o.n, 0) as overdue
    from assistants a
    left join admins ad on ad.id = a.assignee_id
    left join counts c on c.assignee_id = a.assignee_id
    left join responses r on r.assignee_id = a.assignee_id
    left join ratings rt on rt.assignee_id = a.assignee_id
    left join overdue o on o.assignee_id = a.assignee_id
    where ${only}::uuid is null or a.assignee_id = ${only}::uuid
    order by ad.email nulls last, a.assignee_id
  `);
  return rowsOf<Record<string, unknown>>(result).map((row) => {
    const done = num(row.done);
    return {
      assistantId: String(row.assistantId),
      email: (row.email as string | null) ?? null,
      taken: num(row.taken),
      done,
      firstResponseMedianSeconds: secondsOrNull(row.firstResponseMedian),
      firstResponseP90Seconds: secondsOrNull(row.firstResponseP90),
      doneMedianSeconds: secondsOrNull(row.doneMedian),
      doneP90Seconds: secondsOrNull(row.doneP90),
      reopenRate: done > 0 ? num(row.reopened) / done : null,
      averageRating:
        row.averageRating === null || row.averageRating === undefined ? null : Number(row.averageRating),
      ratings: num(row.ratings),
      overdue: num(row.overdue),
    };
  });
}
