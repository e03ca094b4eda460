import { snakeKeys, type storeOrder, type storeProduct } from "@lumen/contracts";
import { describePurchase, describeReceipt, type Product } from "@lumen/core";
import type { Database, OrderRow } from "@lumen/db";
import type { z } from "zod";

/** What a buyer sees of a product: the offer, never the operator's internals (codes, file ids). */
export function showStoreProduct(product: Product): z.output<typeof storeProduct> {
  const details = product.details;
  return {
    id: product.id,
    kind: product.kind,
    title: product.title,
    description: product.description,
    image_url: product.imageUrl,
    category: product.category,
    prices: product.prices,
    credits: details.kind === "credits" ? details.credits : null,
    period_days: details.kind === "plan" ? details.periodDays : null,
    messages_per_period: details.kind === "plan" ? details.messagesPerPeriod : null,
    chat_count: details.kind === "plan" ? details.channelIds.length : 0,
  };
}

/** An order as its buyer follows it; once paid, with what it granted, read after settlement. */
export async function showStoreOrder(db: Database, order: OrderRow): Promise<z.output<typeof storeOrder>> {
  let granted: z.output<typeof storeOrder>["granted"] = null;
  if (order.status === "paid") {
    const view = await describePurchase(db, order.id);
    granted = {
      balance: view.balance,
      plan_ends_at: view.subscription ? view.subscription.endsAt : null,
    };
  }
  const receipt = await describeReceipt(db, order);
  return { ...showOrderSummary(order), granted, receipt: receipt && snakeKeys(receipt) };
}

/** An order in the buyer's list: what it was and where it stands. */
export const showOrderSummary = (
  order: OrderRow,
): Omit<z.output<typeof storeOrder>, "granted" | "receipt"> => ({
  id: order.id,
  product_id: order.productId,
  title: order.title,
  currency: order.currency,
  amount: order.amount,
  provider: order.provider,
  status: order.status,
  created_at: order.createdAt,
  paid_at: order.paidAt,
});
