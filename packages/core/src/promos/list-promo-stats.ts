import { type Currency, type Database, type PromoRow, promoKinds, promos } from "@lumen/db";
import { and, desc, eq, getTableColumns, ilike, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { notFound } from "../shared/errors.ts";
import { eachRow } from "../shared/keyset.ts";
import { decodeCursor, exactTime, pageOf } from "../shared/keyset-cursor.ts";
import { parseInput } from "../shared/parse-input.ts";
import { jsonOf, num } from "../shared/sql-rows.ts";

export const promoListInput = z.object({
  active: z.boolean().optional(),
  kind: z.enum(promoKinds).optional(),
  /** Part of the code, any case. */
  q: z.string().trim().max(32).optional(),
  /** Only codes with more recorded uses than their limit. */
  overrun: z.boolean().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export type PromoStats = PromoRow & {
  /** Recorded uses (one per paid order or free-days grant), beside the counter on the code. */
  redemptions: number;
  /** Paid orders that carried the code, and their revenue per currency (refunds excluded). */
  paidOrders: number;
  revenue: Array<{ currency: Currency; amount: number; orders: number }>;
};

const redemptionCount = sql<number>`(select count(*)::int from promo_redemptions r where r.promo_id = "promos"."id")`;
const revenue = sql<unknown>`(
  select coalesce(json_agg(json_build_object('currency', x.currency, 'amount', x.amount, 'orders', x.orders)
    order by x.currency), '[]'::json)
  from (select o.currency, sum(o.amount)::bigint as amount, count(*)::int as orders
        from orders o where o.promo_id = "promos"."id" and o.status = 'paid' group by o.currency) as x)`;

function filtersOf(input: z.output<typeof promoListInput>): SQL[] {
  const filters: Array<SQL | undefined> = [
    input.active === undefined ? undefined : eq(promos.active, input.active),
    input.kind ? eq(promos.kind, input.kind) : undefined,
    input.q ? ilike(promos.code, `%${input.q.replace(/[\\%_]/g, "\\$&")}%`) : undefined,
    input.overrun ? sql`${promos.maxUses} is not null and ${redemptionCount} > ${promos.maxUses}` : undefined,
  ];
  return filters.filter((f): f is SQL => f !== undefined);
}

async function selectPromoStats(db: Database, filters: SQL[], limit: number) {
  const rows = await db
    .select({
      ...getTableColumns(promos),
      redemptions: redemptionCount,
      revenue,
      cursorAt: exactTime(promos.createdAt),
    })
    .from(promos)
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(promos.createdAt), desc(promos.id))
    .limit(limit);
  return rows.map((row) => {
    const money = jsonOf<Array<{ currency: Currency; amount: unknown; orders: unknown }>>(row.revenue).map(
      (m) => ({ currency: m.currency, amount: num(m.amount), orders: num(m.orders) }),
    );
    return {
      ...row,
      redemptions: num(row.redemptions),
      paidOrders: money.reduce((n, m) => n + m.orders, 0),
      revenue: money,
    };
  });
}

/** One code with its uses and revenue: the code's own page. */
export async function getPromoStats(db: Database, promoId: string): Promise<PromoStats> {
  const [row] = await selectPromoStats(db, [eq(promos.id, promoId)], 1);
  if (!row) throw notFound("Promo", promoId);
  const { cursorAt: _c, ...promo } = row;
  return promo;
}

/**
 * Promo codes, newest first, each with its uses and the revenue of the paid orders that carried
 * it, per currency: aggregated by the database for the page being read only.
 */
export async function listPromoStats(
  db: Database,
  input: z.input<typeof promoListInput>,
): Promise<{ items: PromoStats[]; nextCursor: string | null }> {
  const query = parseInput(promoListInput, input);
  const filters = filtersOf(query);
  if (query.cursor) {
    const [createdAt, id] = decodeCursor(query.cursor, 2);
    filters.push(
      sql`(${promos.createdAt}, ${promos.id}) < (${String(createdAt)}::timestamptz, ${String(id)}::uuid)`,
    );
  }
  const items = await selectPromoStats(db, filters, query.limit + 1);
  return pageOf(items, query.limit);
}

/** Every code matching the filters, page after page: what a CSV export streams, never all in memory. */
export async function* eachPromoStats(
  db: Database,
  input: Omit<z.input<typeof promoListInput>, "cursor" | "limit">,
): AsyncGenerator<PromoStats> {
  yield* eachRow((cursor) => listPromoStats(db, { ...input, cursor, limit: 200 }));
}
