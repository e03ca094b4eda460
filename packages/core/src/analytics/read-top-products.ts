import type { Currency, Database, ProductKind } from "@lumen/db";
import { sql } from "drizzle-orm";
import { num, rowsOf } from "../shared/sql-rows.ts";
import { type DrillLink, drill } from "./drill-link.ts";
import { executeReport } from "./execute-report.ts";
import type { Period } from "./resolve-period.ts";

export type TopProduct = {
  productId: string;
  title: string;
  kind: ProductKind;
  orders: number;
  /** Revenue per currency, never summed across currencies. */
  revenue: Array<{ currency: Currency; amount: number }>;
  link: DrillLink;
};

/** The products sold most in the period (by paid orders), each with its revenue per currency. */
export async function readTopProducts(db: Database, period: Period, limit = 5): Promise<TopProduct[]> {
  const bot = period.botId ? sql`and o.bot_id = ${period.botId}` : sql``;
  const rows = rowsOf<{
    product_id: string;
    title: string;
    kind: ProductKind;
    orders: unknown;
    revenue: Array<{ currency: Currency; amount: unknown }> | string;
  }>(
    await executeReport(
      db,
      sql`
      with sold as (
        select o.product_id, o.currency, count(*)::int as orders, sum(o.amount)::bigint as amount
        from orders o
        where o.status = 'paid' and o.paid_at >= ${period.startsAt} and o.paid_at < ${period.endsAt} ${bot}
        group by o.product_id, o.currency
      )
      select s.product_id, p.title, p.kind, sum(s.orders)::int as orders,
             json_agg(json_build_object('currency', s.currency, 'amount', s.amount) order by s.currency) as revenue
      from sold s join products p on p.id = s.product_id
      group by s.product_id, p.title, p.kind
      order by orders desc, p.title
      limit ${limit}`,
    ),
  );
  return rows.map((row) => {
    const revenue = typeof row.revenue === "string" ? JSON.parse(row.revenue) : row.revenue;
    return {
      productId: row.product_id,
      title: row.title,
      kind: row.kind,
      orders: num(row.orders),
      revenue: (revenue as Array<{ currency: Currency; amount: unknown }>).map((r) => ({
        currency: r.currency,
        amount: num(r.amount),
      })),
      link: drill("orders", { status: "paid", product_id: row.product_id }, period),
    };
  });
}
