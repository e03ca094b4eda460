import {
  currencies,
  type Database,
  type OrderRow,
  orderStatuses,
  orders,
  paymentProviders,
  users,
} from "@lumen/db";
import { and, eq, gte, lt } from "drizzle-orm";
import { z } from "zod";
import {
  afterCursor,
  decodeCursor,
  orderByKey,
  type Page,
  type SortKey,
  sortText,
  toPage,
} from "../shared/keyset.ts";
import { parseInput } from "../shared/parse-input.ts";

export const orderSorts = ["created", "amount"] as const;

const sortKeys: Record<(typeof orderSorts)[number], SortKey> = {
  created: { expr: orders.createdAt, type: "timestamptz" },
  amount: { expr: orders.amount, type: "int" },
};

const searchOrdersInput = z.object({
  status: z.enum(orderStatuses).optional(),
  provider: z.enum(paymentProviders).optional(),
  currency: z.enum(currencies).optional(),
  productId: z.uuid().optional(),
  userId: z.uuid().optional(),
  orderId: z.uuid().optional(),
  botId: z.uuid().optional(),
  flagged: z.boolean().optional(),
  /** Made at or after this instant. */
  from: z.date().optional(),
  /** Made before this instant. */
  to: z.date().optional(),
  sort: z.enum(orderSorts).default("created"),
  direction: z.enum(["asc", "desc"]).default("desc"),
  cursor: z.string().optional(),
  limit: z.number().int().min(1).max(1000).default(50),
});
export type SearchOrdersInput = z.input<typeof searchOrdersInput>;
export type OrderListItem = OrderRow & {
  user: { telegramId: number; firstName: string; username: string | null };
};

/**
 * The operator's orders list with the filters of the admin panel, in keyset pages. Each row
 * carries who bought (name, Telegram id), so the list needs no second request per row.
 */
export async function searchOrders(db: Database, input: SearchOrdersInput): Promise<Page<OrderListItem>> {
  const q = parseInput(searchOrdersInput, input);
  const key = sortKeys[q.sort];
  const tag = `orders:${q.sort}:${q.direction}`;
  const cursor = decodeCursor(q.cursor, tag);
  const rows = await db
    .select({
      order: orders,
      telegramId: users.telegramId,
      firstName: users.firstName,
      username: users.username,
      sortValue: sortText(key),
    })
    .from(orders)
    .innerJoin(users, eq(users.id, orders.userId))
    .where(
      and(
        q.status ? eq(orders.status, q.status) : undefined,
        q.provider ? eq(orders.provider, q.provider) : undefined,
        q.currency ? eq(orders.currency, q.currency) : undefined,
        q.productId ? eq(orders.productId, q.productId) : undefined,
        q.userId ? eq(orders.userId, q.userId) : undefined,
        q.orderId ? eq(orders.id, q.orderId) : undefined,
        q.botId ? eq(orders.botId, q.botId) : undefined,
        q.flagged === undefined ? undefined : eq(orders.flagged, q.flagged),
        q.from ? gte(orders.createdAt, q.from) : undefined,
        q.to ? lt(orders.createdAt, q.to) : undefined,
        afterCursor(key, orders.id, q.direction, cursor),
      ),
    )
    .orderBy(...orderByKey(key, orders.id, q.direction))
    .limit(q.limit + 1);
  return toPage(
    rows.map((r) => ({
      ...r.order,
      user: { telegramId: r.telegramId, firstName: r.firstName, username: r.username },
      sortValue: r.sortValue,
    })),
    q.limit,
    tag,
  );
}
