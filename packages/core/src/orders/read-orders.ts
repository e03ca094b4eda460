import { type Database, type OrderRow, orders } from "@lumen/db";
import { and, desc, eq, lt } from "drizzle-orm";
import { notFound } from "../shared/errors.ts";

export async function getOrder(db: Database, id: string): Promise<OrderRow> {
  const [row] = await db.select().from(orders).where(eq(orders.id, id));
  if (!row) throw notFound("Order", id);
  return row;
}

export async function listOrders(
  db: Database,
  input: { userId?: string; before?: Date; limit: number },
): Promise<OrderRow[]> {
  return db
    .select()
    .from(orders)
    .where(
      and(
        input.userId ? eq(orders.userId, input.userId) : undefined,
        input.before ? lt(orders.createdAt, input.before) : undefined,
      ),
    )
    .orderBy(desc(orders.createdAt))
    .limit(input.limit);
}

/** A buyer's own order; another buyer's is "not found", so ids cannot be probed. */
export async function getBuyerOrder(db: Database, userId: string, orderId: string): Promise<OrderRow> {
  const order = await getOrder(db, orderId);
  if (order.userId !== userId) throw notFound("Order", orderId);
  return order;
}
