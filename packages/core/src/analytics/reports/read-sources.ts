import type { Database } from "@lumen/db";
import { sql } from "drizzle-orm";
import { num, rowsOf } from "../../shared/sql-rows.ts";
import { executeReport } from "../execute-report.ts";
import { type PeriodInput, resolvePeriod } from "../resolve-period.ts";
import { readBroadcastSources } from "./broadcast-sources.ts";
import { firstStarts, sourceKind } from "./first-source.ts";

export const sourceKinds = [
  "direct",
  "partner",
  "product",
  "promo",
  "sign_in",
  "other",
  "broadcast",
] as const;

export type SourceRow = {
  source: string | null;
  kind: (typeof sourceKinds)[number];
  users: number;
  payingUsers: number;
  revenue: { currency: string; amount: number }[];
  /** Broadcast rows only: its title, and how many recipients pressed one of its buttons. */
  broadcastTitle?: string;
  clicks?: number;
};

/**
 * Where the users who first started the bot in the period came from (deep-link payloads: partner
 * referrals, product and promo links), with how many of them paid and what they paid, per currency;
 * then the broadcasts received in the period, with the payments attributed to them.
 */
export async function readSources(db: Database, now: Date, input: PeriodInput): Promise<SourceRow[]> {
  const period = await resolvePeriod(db, now, input);
  const startBot = period.botId ? sql`and s.bot_id = ${period.botId}` : sql``;
  const orderBot = period.botId ? sql`and o.bot_id = ${period.botId}` : sql``;
  const rows = rowsOf<{
    source: string | null;
    kind: SourceRow["kind"];
    users: unknown;
    paying: unknown;
    currency: string | null;
    amount: unknown;
  }>(
    await executeReport(
      db,
      sql`
      with acquired as (
        select f.user_id, f.source from (${firstStarts(startBot)}) f
        where f.started_at >= ${period.startsAt} and f.started_at < ${period.endsAt}
      ), totals as (
        select a.source, count(*) as users,
               count(*) filter (where exists (select 1 from orders o where o.user_id = a.user_id and o.status = 'paid' ${orderBot})) as paying
        from acquired a group by a.source
      ), money as (
        select a.source, o.currency, sum(o.amount) as amount
        from acquired a join orders o on o.user_id = a.user_id and o.status = 'paid' ${orderBot}
        group by a.source, o.currency
      )
      select t.source, ${sourceKind(sql`t.source`)} as kind, t.users, t.paying, m.currency, m.amount
      from totals t left join money m on m.source is not distinct from t.source
      order by t.users desc, t.source nulls first, m.currency`,
    ),
  );
  const out: SourceRow[] = [];
  for (const r of rows) {
    let row = out.find((o) => o.source === r.source);
    if (!row) {
      row = { source: r.source, kind: r.kind, users: num(r.users), payingUsers: num(r.paying), revenue: [] };
      out.push(row);
    }
    if (r.currency) row.revenue.push({ currency: r.currency, amount: num(r.amount) });
  }
  return [...out, ...(await readBroadcastSources(db, period))];
}
