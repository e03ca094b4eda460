import { type Database, type OrderRow, type SubscriptionRow, subscriptions, type UserRow } from "@lumen/db";
import { eq } from "drizzle-orm";
import { getCreditBalance } from "../credits/read-credits.ts";
import { getOrder } from "../orders/read-orders.ts";
import { getUser } from "../users/get-user.ts";

export type PurchaseView = {
  order: OrderRow;
  buyer: UserRow;
  /** Current credit balance, for credit purchases. */
  balance: number | null;
  /** The plan bought (or extended), for plan purchases. */
  subscription: SubscriptionRow | null;
  /**
   * The plan needs invite links to its chats: it was started by this order. An order that
   * extended a plan already live needs none, the buyer is in already.
   */
  needsChatInvites: boolean;
};

/** What a receipt and an operators' notice say about an order, read after it settled. */
export async function describePurchase(db: Database, orderId: string): Promise<PurchaseView> {
  const order = await getOrder(db, orderId);
  const buyer = await getUser(db, order.userId);
  const [kind, id] = (order.entitlementRef ?? "").split(":");
  const [subscription] =
    kind === "subscription" && id
      ? await db.select().from(subscriptions).where(eq(subscriptions.id, id))
      : [];
  return {
    order,
    buyer,
    balance: order.kind === "credits" ? await getCreditBalance(db, buyer.id) : null,
    subscription: subscription ?? null,
    needsChatInvites:
      !!subscription && subscription.channelIds.length > 0 && subscription.createdAt >= order.createdAt,
  };
}
