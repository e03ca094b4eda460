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
