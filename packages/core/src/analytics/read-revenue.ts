import { type Currency, currencies, type Database } from "@lumen/db";
import { sql } from "drizzle-orm";
import { num, rowsOf } from "../shared/sql-rows.ts";
import { type DrillLink, drill } from "./drill-link.ts";
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
 * timezone. One grouped query gives the day series and, through the empty grouping set, the
 * period's paid orders and distinct paying users.
 */
export async function readRevenue(db: Database, period: Period): Promise<Revenue> {
  const paid = rowsOf<{
    day: string | null;
    currency: Currency | null;
    amount: unknown;
    orders: unknown;
    payers: unknown;
  }>(
    await db.execute(sql`
      select to_char(date_trunc('day', o.paid_at, ${period.tz}) at time zone ${period.tz}, 'YYYY-MM-DD') as day,
             o.currency, sum(o.amount)::bigint as amount, count(*)::int as orders,
             count(distinct o.user_id)::int as payers
      from orders o
      where o.status = 'paid' and o.paid_at >= ${period.startsAt} and o.paid_at < ${period.endsAt} ${botFilter(period)}
      group by grouping sets ((1, 2), ())`),
  );
  const refunds = rowsOf<{ currency: Currency; amount: unknown; orders: unknown }>(
    await db.execute(sql`
      select o.currency, sum(o.amount)::bigint as amount, count(*)::int as orders
      from orders o
      where o.status = 'refunded' and o.refunded_at >= ${period.startsAt} and o.refunded_at < ${period.endsAt}
        ${botFilter(period)}
      group by o.currency`),
  );
  const total = paid.find((r) => r.day === null && r.currency === null);
  const cells = paid.filter((r) => r.day !== null);
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
    paidOrders: num(total?.orders),
    payingUsers: num(total?.payers),
  };
}
