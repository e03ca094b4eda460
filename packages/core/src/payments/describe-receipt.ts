import { type CourseTariff, type Database, type OrderRow, payments } from "@lumen/db";
import { and, desc, eq, inArray } from "drizzle-orm";
import { findBotDisplayName } from "../bots/bot-display-name.ts";

/** What one order bought, as the order fixed it when it was made (a later catalog edit does not change it). */
export type ReceiptItem = {
  kind: OrderRow["kind"];
  /** Credits a credits pack granted. */
  credits: number | null;
  /** Days of the plan one purchase adds. */
  periodDays: number | null;
  /** The course tariff bought (or upgraded to). */
  tariff: CourseTariff | null;
  /** A course upgrade: the tariff the place had before. */
  upgradeFrom: CourseTariff | null;
};

export type Receipt = {
  /** What the product cost before a promo code, when one lowered it. */
  listAmount: number | null;
  promoCode: string | null;
  /** The provider's id of the payment that settled the order: what the buyer quotes to support. */
  paymentId: string;
  paidAt: Date;
  refundedAt: Date | null;
  item: ReceiptItem;
  /** The bot that sold it, by the name buyers know it by; null for an order made before bots were recorded. */
  seller: string | null;
};

/**
 * The receipt of a paid or refunded order, from the payment that settled it; null while nothing
 * was paid. Telegram shows its own receipt for Stars; this is the store's, with the same ids.
 */
export async function describeReceipt(db: Database, order: OrderRow): Promise<Receipt | null> {
  if (!order.paidAt || (order.status !== "paid" && order.status !== "refunded")) return null;
  const [payment] = await db
    .select({ id: payments.providerChargeId, providerId: payments.providerPaymentId })
    .from(payments)
    .where(and(eq(payments.orderId, order.id), inArray(payments.status, ["succeeded", "refunded"])))
    .orderBy(desc(payments.createdAt))
    .limit(1);
  if (!payment) return null;
  const discounted = order.listAmount !== null && order.listAmount > order.amount;
  const seller = order.botId ? ((await findBotDisplayName(db, order.botId))?.name ?? null) : null;
  return {
    listAmount: discounted ? order.listAmount : null,
    promoCode: discounted ? order.promoCode : null,
    paymentId: payment.id ?? payment.providerId,
    paidAt: order.paidAt,
    refundedAt: order.refundedAt,
    item: describeItem(order),
    seller,
  };
}

function describeItem(order: OrderRow): ReceiptItem {
  const details = order.details;
  return {
    kind: order.kind,
    credits: details.kind === "credits" ? details.credits : null,
    periodDays: details.kind === "plan" ? details.periodDays : null,
    tariff: details.kind === "course" ? details.tariff : null,
    upgradeFrom: order.upgradeFrom,
  };
}
