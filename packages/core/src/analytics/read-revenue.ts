import { type Currency, currencies, type Database } from "@lumen/db";
import { sql } from "drizzle-orm";
import { num, rowsOf } from "../shared/sql-rows.ts";
import { type DrillLink, drill } from "./drill-link.ts";
import { executeReport } from "./execute-report.ts";
import { daysOf, type Period } from "./resolve-period.ts";

export type CurrencyRevenue = {
  currency: Currency;
  /** Sum of orders still paid (refunded ones are not revenue), in minor units or whole Stars. */
  amount: number;
  orders: number;
  /** Orders refunded during the period, and their sum: shown beside revenue, never netted into it. */
  refunded: number;
  refundedAmount: number;
  link: DrillLink;
  refundedLink: DrillLink;
};

export type Revenue = {
  /** One entry per currency: RUB and Stars are different money and are never added together. */
  currencies: CurrencyRevenue[];
  /** Every day of the period for every currency, zeros included: the chart's series. */
  byDay: Array<{ day: string; currency: Currency; amount: number; orders: number }>;
  paidOrders: number;
  payingUsers: number;
};

const botFilter = (period: Period) => (period.botId ? sql`and o.bot_id = ${period.botId}` : sql``);

/**
 * Money that came in during the period, bucketed by the day of payment in the operator's
 * timezone. Both queries read only the paid-orders index (orders_paid_at_idx carries currency,
 * amount, user and bot), so a period costs its index range, never the orders' rows. The day is
 * the local date of paid_at (a hash key), and the payers are distinct users counted by a hash.
 */
export async function readRevenue(db: Database, period: Period): Promise<Revenue> {
  const paidInPeriod = sql`o.status = 'paid' and o.paid_at >= ${period.startsAt} and o.paid_at < ${period.endsAt} ${botFilter(period)}`;
  // Independent reads: on a PostgreSQL pool they run at once, each on its own connection.
  const results = await Promise.all([
    executeReport(
      db,
      sql`
      select to_char(d.day, 'YYYY-MM-DD') as day, d.currency, d.amount, d.orders
      from (
        select (o.paid_at at time zone ${period.tz})::date as day, o.currency,
               sum(o.amount)::bigint as amount, count(*)::int as orders
        from orders o
        where ${paidInPeriod}
        group by 1, 2
      ) as d`,
    ),
    executeReport(
      db,
      sql`
      select count(*)::int as n from (select distinct o.user_id from orders o where ${paidInPeriod}) as payers`,
    ),
    executeReport(
      db,
      sql`
      select o.currency, sum(o.amount)::bigint as amount, count(*)::int as orders
      from orders o
      where o.status = 'refunded' and o.refunded_at >= ${period.startsAt} and o.refunded_at < ${period.endsAt}
        ${botFilter(period)}
      group by o.currency`,
    ),
  ]);
  const cells = rowsOf<{ day: string; currency: Currency; amount: unknown; orders: unknown }>(results[0]);
  const [payers] = rowsOf<{ n: unknown }>(results[1]);
  const refunds = rowsOf<{ currency: Currency; amount: unknown; orders: unknown }>(results[2]);
  const byDay = daysOf(period).flatMap((day) =>
    currencies.map((currency) => {
      const cell = cells.find((r) => r.day === day && r.currency === currency);
      return { day, currency, amount: num(cell?.amount), orders: num(cell?.orders) };
    }),
  );
  return {
    currencies: currencies.map((currency) => {
      const mine = cells.filter((r) => r.currency === currency);
      const refund = refunds.find((r) => r.currency === currency);
      return {
        currency,
        amount: mine.reduce((sum, r) => sum + num(r.amount), 0),
        orders: mine.reduce((sum, r) => sum + num(r.orders), 0),
        refunded: num(refund?.orders),
        refundedAmount: num(refund?.amount),
        link: drill("orders", { status: "paid", currency }, period),
        refundedLink: drill("orders", { status: "refunded", currency }, period),
      };
    }),
    byDay,
    paidOrders: cells.reduce((sum, r) => sum + num(r.orders), 0),
    payingUsers: num(payers?.n),
  };
}
