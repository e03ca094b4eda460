import { courseEnrollments, type Database, type OrderRow, promos, subscriptions } from "@lumen/db";
import { and, eq, inArray, sql } from "drizzle-orm";
import { changeCredits } from "../credits/change-credits.ts";
import { getCreditBalance } from "../credits/read-credits.ts";
import { redeemPromo } from "../promos/redeem-promo.ts";
import { LumenError } from "../shared/errors.ts";
import { grantPlan } from "../subscriptions/grant-plan.ts";

export type Grant =
  | { kind: "credits"; credits: number; balanceAfter: number; ref: string }
  | { kind: "plan"; subscriptionId: string; endsAt: Date; ref: string }
  | { kind: "course"; enrollmentId: string; ref: string }
  | { kind: "digital"; ref: null };

/** Gives the buyer what the order bought, keyed by the payment so it can never be given twice. */
export async function grantEntitlement(
  db: Database,
  order: OrderRow,
  paymentId: string,
  now: Date,
): Promise<Grant> {
  const details = order.details;
  switch (details.kind) {
    case "credits": {
      const entry = await changeCredits(db, {
        userId: order.userId,
        delta: details.credits,
        reason: "purchase",
        idempotencyKey: `payment:${paymentId}`,
        data: { orderId: order.id },
      });
      return {
        kind: "credits",
        credits: details.credits,
        balanceAfter: entry.balanceAfter,
        ref: `ledger:${entry.id}`,
      };
    }
    case "plan": {
      const plan = await grantPlan(db, now, {
        userId: order.userId,
        planCode: details.planCode,
        title: order.title,
        periodDays: details.periodDays,
        messagesPerPeriod: details.messagesPerPeriod,
        fairUseCap: details.fairUseCap,
        botId: order.botId,
        channelIds: details.channelIds,
      });
      return { kind: "plan", subscriptionId: plan.id, endsAt: plan.endsAt, ref: `subscription:${plan.id}` };
    }
    case "course": {
      const [row] = await db
        .insert(courseEnrollments)
        .values({
          userId: order.userId,
          courseCode: details.courseCode,
          tariff: details.tariff,
          orderId: order.id,
        })
        .returning();
      if (!row) throw new LumenError("INTERNAL", "The enrollment was not saved");
      return { kind: "course", enrollmentId: row.id, ref: `enrollment:${row.id}` };
    }
    case "digital":
      return { kind: "digital", ref: null };
  }
}

/**
 * Counts the order's promo use and gives its bonus (credits, or days on the plan bought). False
 * when the last use was taken meanwhile: then there is no bonus either.
 */
export async function applyPromoAtPayment(
  db: Database,
  order: OrderRow,
  paymentId: string,
  now: Date,
): Promise<boolean> {
  if (!order.promoId) return true;
  if (!(await redeemPromo(db, { promoId: order.promoId, userId: order.userId, orderId: order.id, now })))
    return false;
  const [promo] = await db.select().from(promos).where(eq(promos.id, order.promoId));
  if (promo?.kind === "bonus_credits") {
    await changeCredits(db, {
      userId: order.userId,
      delta: promo.value,
      reason: "bonus",
      idempotencyKey: `promo:${paymentId}`,
      data: { orderId: order.id, promo: promo.code },
    });
  }
  if (promo?.kind === "extra_days" && order.details.kind === "plan") {
    await db
      .update(subscriptions)
      .set({ endsAt: sql`${subscriptions.endsAt} + make_interval(days => ${promo.value})`, updatedAt: now })
      .where(
        and(
          eq(subscriptions.userId, order.userId),
          eq(subscriptions.planCode, order.details.planCode),
          inArray(subscriptions.status, ["active", "trial"]),
        ),
      );
  }
  return true;
}

export type Reversal = { creditsTaken?: number; creditsSpent?: number; accessEnded?: boolean };

/**
 * A refund of credits the buyer already spent gives back value they used: refused unless the
 * operator says `force`. Checked before the provider is asked, so a refusal costs no money.
 */
export async function assertReversible(db: Database, order: OrderRow, force: boolean): Promise<void> {
  if (order.details.kind !== "credits" || force) return;
  const balance = await getCreditBalance(db, order.userId);
  const spent = order.details.credits - Math.min(order.details.credits, balance);
  if (spent > 0) {
    throw new LumenError(
      "CONFLICT",
      `${spent} of ${order.details.credits} credits were already spent; refund with force to take back the rest`,
      {
        field: "force",
      },
    );
  }
}

/** Takes back what a refunded order gave: the unspent credits, or the access it opened. */
export async function reverseEntitlement(
  db: Database,
  order: OrderRow,
  paymentId: string,
  now: Date,
): Promise<Reversal> {
  const details = order.details;
  if (details.kind === "credits") {
    const balance = await getCreditBalance(db, order.userId);
    const take = Math.min(details.credits, balance);
    if (take > 0) {
      await changeCredits(db, {
        userId: order.userId,
        delta: -take,
        reason: "reversal",
        idempotencyKey: `refund:${paymentId}`,
        data: { orderId: order.id },
      });
    }
    return { creditsTaken: take, creditsSpent: details.credits - take };
  }
  const [kind, id] = (order.entitlementRef ?? "").split(":");
  if (details.kind === "plan" && kind === "subscription" && id) {
    await db
      .update(subscriptions)
      .set({ status: "cancelled", endsAt: now, updatedAt: now })
      .where(eq(subscriptions.id, id));
    return { accessEnded: true };
  }
  if (details.kind === "course" && kind === "enrollment" && id) {
    await db
      .update(courseEnrollments)
      .set({ status: "ended", endedAt: now, updatedAt: now })
      .where(and(eq(courseEnrollments.id, id), eq(courseEnrollments.status, "active")));
    return { accessEnded: true };
  }
  return {};
}
