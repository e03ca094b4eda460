import type { Database } from "@lumen/db";
import { sql } from "drizzle-orm";
import { ATTRIBUTION_HOURS } from "../../broadcasts/broadcast-report.ts";
import { num, rowsOf } from "../../shared/sql-rows.ts";
import { executeReport } from "../execute-report.ts";
import type { Period } from "../resolve-period.ts";
import type { SourceRow } from "./read-sources.ts";

/**
 * Broadcasts as sources: per broadcast received in the period ("broadcast received" events, whose
 * source is the broadcast id), the recipients, how many pressed one of its buttons ("broadcast
 * clicked"), how many paid within the attribution window after receiving it, and what they paid.
 * The same 72 h rule as the broadcast's own report, so both figures agree.
 */
export async function readBroadcastSources(db: Database, period: Period): Promise<SourceRow[]> {
  const eventBot = period.botId ? sql`and e.bot_id = ${period.botId}` : sql``;
  const orderBot = period.botId ? sql`and o.bot_id = ${period.botId}` : sql``;
  const attributed = sql`o.user_id = r.user_id and o.status = 'paid' ${orderBot}
    and o.created_at >= r.received_at and o.created_at < r.received_at + make_interval(hours => ${ATTRIBUTION_HOURS})`;
  const rows = rowsOf<{
    broadcast_id: string;
    title: string | null;
    users: unknown;
    clickers: unknown;
    paying: unknown;
    currency: string | null;
    amount: unknown;
  }>(
    await executeReport(
      db,
      sql`
      with received as (
        select e.source as broadcast_id, e.user_id, min(e.occurred_at) as received_at
        from events e
        where e.type = 'broadcast_received' and e.user_id is not null and e.source is not null ${eventBot}
          and e.occurred_at >= ${period.startsAt} and e.occurred_at < ${period.endsAt}
        group by e.source, e.user_id
      ), totals as (
        select r.broadcast_id, count(*) as users,
               count(*) filter (where exists (select 1 from events c where c.type = 'broadcast_clicked'
                 and c.source = r.broadcast_id and c.user_id = r.user_id)) as clickers,
               count(*) filter (where exists (select 1 from orders o where ${attributed})) as paying
        from received r group by r.broadcast_id
      ), money as (
        select r.broadcast_id, o.currency, sum(o.amount) as amount
        from received r join orders o on ${attributed}
        group by r.broadcast_id, o.currency
      )
      select t.broadcast_id, b.title, t.users, t.clickers, t.paying, m.currency, m.amount
      from totals t
      left join broadcasts b on b.id::text = t.broadcast_id
      left join money m on m.broadcast_id = t.broadcast_id
      order by t.users desc, t.broadcast_id, m.currency`,
    ),
  );
  const out: SourceRow[] = [];
  for (const r of rows) {
    let row = out.find((o) => o.source === r.broadcast_id);
    if (!row) {
      row = {
        source: r.broadcast_id,
        kind: "broadcast",
        users: num(r.users),
        payingUsers: num(r.paying),
        revenue: [],
        broadcastTitle: r.title ?? "",
        clicks: num(r.clickers),
      };
      out.push(row);
    }
    if (r.currency) row.revenue.push({ currency: r.currency, amount: num(r.amount) });
  }
  return out;
}
