import type { Database } from "@lumen/db";
import { sql } from "drizzle-orm";

/**
 * Orders whose payments disagree with their status: a paid order needs exactly one live
 * payment, a refunded one exactly one refunded payment, a pending one none. A duplicate payment
 * (a second one for an order already paid, which grants nothing) may sit beside either, never
 * on an order that is not paid or refunded, and its order is flagged for an operator. Always empty unless
 * something bypassed settlePayment/refundOrder; tests run it after every money scenario.
 */
export async function findOrderMismatches(db: Database): Promise<Array<{ id: string; status: string }>> {
  const result = await db.execute<{ id: string; status: string }>(sql`
    select o.id, o.status from orders o left join payments p on p.order_id = o.id
    group by o.id, o.status, o.flagged
    having (o.status = 'paid' and count(p.id) filter (where p.status = 'succeeded') <> 1)
        or (o.status = 'refunded' and count(p.id) filter (where p.status = 'refunded') <> 1)
        or (o.status in ('pending', 'expired', 'cancelled') and count(p.id) > 0)
        or (not o.flagged and count(p.id) filter (where p.status = 'duplicate') > 0)`);
  const rows = Array.isArray(result)
    ? result
    : (result as { rows: Array<{ id: string; status: string }> }).rows;
  return rows.map((r) => ({ id: r.id, status: r.status }));
}
