import { eventDailyCounts, events } from "@lumen/db";
import { sql } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import { num, rowsOf } from "../shared/sql-rows.ts";

const DAY_MS = 86_400_000;

/**
 * The retention (ANALYTICS_RETENTION_DAYS): events from UTC days wholly older than it are rolled
 * up into `event_daily_counts` (per day, bot, type and source: events and distinct people) and
 * deleted, one day per transaction, so the roll-up of a day is written exactly when its events go
 * and a crash between days loses nothing. The cut falls on a UTC midnight, so a day is never
 * split across two runs (distinct people could not be added up). Returns how many were deleted.
 */
export async function pruneEvents(ctx: CoreContext, input: { retentionDays: number }): Promise<number> {
  const horizon = ctx.clock.now().getTime() - input.retentionDays * DAY_MS;
  const cutoff = new Date(horizon - (horizon % DAY_MS));
  let deleted = 0;
  for (;;) {
    const [oldest] = rowsOf<{ at: string | Date | null }>(
      await ctx.db.execute(sql`select min(${events.occurredAt}) as at from ${events}
        where ${events.occurredAt} < ${cutoff.toISOString()}`),
    );
    if (!oldest?.at) return deleted;
    const start = new Date(oldest.at).getTime();
    const dayEnd = new Date(Math.min(start - (start % DAY_MS) + DAY_MS, cutoff.getTime())).toISOString();
    deleted += await ctx.db.transaction(async (tx) => {
      const [row] = rowsOf<{ n: unknown }>(
        await tx.execute(sql`
          with gone as (
            delete from ${events} where ${events.occurredAt} < ${dayEnd}
            returning occurred_at, bot_id, type, source, user_id
          ), rolled as (
            insert into ${eventDailyCounts} (day, bot_id, type, source, events, users)
            select (g.occurred_at at time zone 'UTC')::date, g.bot_id, g.type, g.source,
                   count(*), count(distinct g.user_id)
            from gone g group by 1, 2, 3, 4
            on conflict on constraint event_daily_counts_key do update
              set events = ${eventDailyCounts.events} + excluded.events,
                  users = ${eventDailyCounts.users} + excluded.users
            returning 1
          )
          select (select count(*) from gone) as n, (select count(*) from rolled) as rolled`),
      );
      return num(row?.n);
    });
  }
}
