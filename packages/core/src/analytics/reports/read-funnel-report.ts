import type { Database } from "@lumen/db";
import { sql } from "drizzle-orm";
import { num, rowsOf } from "../../shared/sql-rows.ts";
import { executeReport } from "../execute-report.ts";
import { type PeriodInput, resolvePeriod } from "../resolve-period.ts";
import { type ProductFunnel, readProductFunnel } from "../store-events.ts";

export type FunnelReport = {
  /** Distinct people at each step in the period: started the bot, viewed a product, began a checkout, paid. */
  steps: { started: number; viewed: number; checkout: number; paid: number };
  products: ProductFunnel[];
};

/**
 * The funnel of a bot (or all bots) in a period: start → viewed → checkout → paid, overall and per
 * product. "Paid" counts paid orders, the figure revenue agrees with, not what a client reported.
 */
export async function readFunnelReport(db: Database, now: Date, input: PeriodInput): Promise<FunnelReport> {
  const period = await resolvePeriod(db, now, input);
  const eventBot = period.botId ? sql`and e.bot_id = ${period.botId}` : sql``;
  const orderBot = period.botId ? sql`and o.bot_id = ${period.botId}` : sql``;
  const [row] = rowsOf<Record<"started" | "viewed" | "checkout" | "paid", unknown>>(
    await executeReport(
      db,
      sql`
      select
        count(distinct e.user_id) filter (where e.type = 'bot_started') as started,
        count(distinct e.user_id) filter (where e.type = 'product_viewed') as viewed,
        count(distinct e.user_id) filter (where e.type = 'checkout_started') as checkout,
        (select count(distinct o.user_id) from orders o
          where o.status = 'paid' and o.paid_at >= ${period.startsAt} and o.paid_at < ${period.endsAt} ${orderBot}) as paid
      from events e
      where e.occurred_at >= ${period.startsAt} and e.occurred_at < ${period.endsAt} ${eventBot}`,
    ),
  );
  return {
    steps: {
      started: num(row?.started),
      viewed: num(row?.viewed),
      checkout: num(row?.checkout),
      paid: num(row?.paid),
    },
    products: await readProductFunnel(db, now, input),
  };
}
