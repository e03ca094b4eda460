import { type Currency, type Database, type OrderStatus, orders, promoRedemptions, users } from "@lumen/db";
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { decodeCursor, exactTime, pageOf } from "../shared/keyset-cursor.ts";
import { parseInput } from "../shared/parse-input.ts";

const input = z.object({
  promoId: z.uuid(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export type PromoRedemptionView = {
  id: string;
  createdAt: Date;
  userId: string;
  telegramId: number | null;
  firstName: string | null;
  username: string | null;
  /** null for free days taken without a purchase. */
  orderId: string | null;
  orderStatus: OrderStatus | null;
  amount: number | null;
  listAmount: number | null;
  currency: Currency | null;
};

/** Who used a code and on which order, newest first: the rows behind its use count. */
export async function listPromoRedemptions(
  db: Database,
  query: z.input<typeof input>,
): Promise<{ items: PromoRedemptionView[]; nextCursor: string | null }> {
  const parsed = parseInput(input, query);
  const after = parsed.cursor ? decodeCursor(parsed.cursor, 2) : null;
  const rows = await db
    .select({
      id: promoRedemptions.id,
      createdAt: promoRedemptions.createdAt,
      cursorAt: exactTime(promoRedemptions.createdAt),
      userId: promoRedemptions.userId,
      telegramId: users.telegramId,
      firstName: users.firstName,
      username: users.username,
      orderId: promoRedemptions.orderId,
      orderStatus: orders.status,
      amount: orders.amount,
      listAmount: orders.listAmount,
      currency: orders.currency,
    })
    .from(promoRedemptions)
    .leftJoin(users, eq(users.id, promoRedemptions.userId))
    .leftJoin(orders, eq(orders.id, promoRedemptions.orderId))
    .where(
      and(
        eq(promoRedemptions.promoId, parsed.promoId),
        after
          ? sql`(${promoRedemptions.createdAt}, ${promoRedemptions.id}) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(promoRedemptions.createdAt), desc(promoRedemptions.id))
    .limit(parsed.limit + 1);
  return pageOf(rows, parsed.limit);
}
