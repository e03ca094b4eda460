import type { Database } from "@lumen/db";
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { parseInput } from "../../shared/parse-input.ts";
import { num, rowsOf } from "../../shared/sql-rows.ts";
import { executeReport } from "../execute-report.ts";
import { type PeriodInput, resolvePeriod } from "../resolve-period.ts";
import { firstStarts } from "./first-source.ts";

export const revenueGroupings = ["day", "product", "source"] as const;
export type RevenueGrouping = (typeof revenueGroupings)[number];

export type RevenueRow = {
  key: string;
  label: string;
  currency: string;
  orders: number;
  buyers: number;
  amount: number;
};

/**
 * Paid orders in a period grouped by day (in the operator's timezone), product or the buyer's
 * acquiring source, one row per currency: roubles and Stars are never added together.
 */
export async function readRevenueReport(
  db: Database,
  now: Date,
  input: PeriodInput & { by: RevenueGrouping },
): Promise<RevenueRow[]> {
  const { by } = parseInput(z.object({ by: z.enum(revenueGroupings) }), { by: input.by });
  const period = await resolvePeriod(db, now, input);
  const orderBot = period.botId ? sql`and o.bot_id = ${period.botId}` : sql``;
  const startBot = period.botId ? sql`and s.bot_id = ${period.botId}` : sql``;
  const keys: Record<RevenueGrouping, { key: SQL; label: SQL; order: SQL }> = {
    day: {
      key: sql`to_char((o.paid_at at time zone ${period.tz})::date, 'YYYY-MM-DD')`,
      label: sql`min(to_char((o.paid_at at time zone ${period.tz})::date, 'YYYY-MM-DD'))`,
      order: sql`1, 3`,
    },
    product: { key: sql`o.product_id::text`, label: sql`max(o.title)`, order: sql`6 desc, 2` },
    source: {
      key: sql`coalesce(f.source, '(direct)')`,
      label: sql`min(coalesce(f.source, '(direct)'))`,
      order: sql`6 desc, 1`,
    },
  };
  const k = keys[by];
  const rows = rowsOf<{
    key: string;
    label: string;
    currency: string;
    orders: unknown;
    buyers: unknown;
    amount: unknown;
  }>(
    await executeReport(
      db,
      sql`
      select ${k.key} as key, ${k.label} as label, o.currency, count(*) as orders,
             count(distinct o.user_id) as buyers, sum(o.amount) as amount
      from orders o
      left join (${firstStarts(startBot)}) f on f.user_id = o.user_id
      where o.status = 'paid' and o.paid_at >= ${period.startsAt} and o.paid_at < ${period.endsAt} ${orderBot}
      group by 1, o.currency
      order by ${k.order}`,
    ),
  );
  return rows.map((r) => ({
    key: r.key,
    label: r.label,
    currency: r.currency,
    orders: num(r.orders),
    buyers: num(r.buyers),
    amount: num(r.amount),
  }));
}
