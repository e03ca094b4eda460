import { type Database, type OrderFlagResolutionRow, orderFlagResolutions, type PaymentRow } from "@lumen/db";
import { eq } from "drizzle-orm";
import { listOrderPaymentActivity } from "../payments/list-payments.ts";
import { notFound } from "../shared/errors.ts";
import { type OrderListItem, searchOrders } from "./search-orders.ts";

export type OrderDetails = {
  order: OrderListItem;
  payments: PaymentRow[];
  events: Awaited<ReturnType<typeof listOrderPaymentActivity>>["events"];
  flagResolution: OrderFlagResolutionRow | null;
};

/**
 * An order as the operator investigates it: the buyer, the payments that settled it, every raw
 * provider event about it (what the provider actually said) and, if it was flagged, who resolved it.
 */
export async function getOrderDetails(db: Database, orderId: string): Promise<OrderDetails> {
  const [page, activity, [resolution]] = await Promise.all([
    searchOrders(db, { orderId, limit: 1 }),
    listOrderPaymentActivity(db, orderId),
    db.select().from(orderFlagResolutions).where(eq(orderFlagResolutions.orderId, orderId)),
  ]);
  const order = page.items[0];
  if (!order) throw notFound("Order", orderId);
  return { order, payments: activity.payments, events: activity.events, flagResolution: resolution ?? null };
}
