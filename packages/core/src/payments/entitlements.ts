import { type Database, type OrderRow, promos } from "@lumen/db";
import { eq } from "drizzle-orm";
import { enrollInCourse } from "../courses/enroll-in-course.ts";
import { revokeEnrollment } from "../courses/revoke-enrollment.ts";
import { changeCredits } from "../credits/change-credits.ts";
import { getCreditBalance } from "../credits/read-credits.ts";
import { type Outbox, queueJob } from "../jobs/outbox.ts";
import { redeemPromo } from "../promos/redeem-promo.ts";
import { LumenError } from "../shared/errors.ts";
import { extendPlan } from "../subscriptions/extend-plan.ts";
import { revokePlanPeriod } from "../subscriptions/revoke-plan-period.ts";

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
        at: now,
      });
      return {
        kind: "credits",
        credits: details.credits,
        balanceAfter: entry.balanceAfter,
        ref: `ledger:${entry.id}`,
      };
    }
    case "plan": {
      const plan = await extendPlan(db, now, {
        userId: order.userId,
        planCode: details.planCode,
        title: order.title,
        periodDays: details.periodDays,
        messagesPerPeriod: details.messagesPerPeriod,
        fairUseCap: details.fairUseCap,
        botId: order.botId,
        channelIds: details.channelIds,
        grantKey: `payment:${paymentId}`,
        orderId: order.id,
      });
      return { kind: "plan", subscriptionId: plan.id, endsAt: plan.endsAt, ref: `subscription:${plan.id}` };
    }
    case "course": {
      const row = await enrollInCourse(db, {
        userId: order.userId,
        courseCode: details.courseCode,
        tariff: details.tariff,
        orderId: order.id,
        now,
      });
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
      at: now,
      data: { orderId: order.id, promo: promo.code },
    });
  }
  if (promo?.kind === "extra_days" && order.details.kind === "plan") {
    const details = order.details;
    await extendPlan(db, now, {
      userId: order.userId,
      planCode: details.planCode,
      title: order.title,
      periodDays: details.periodDays,
      messagesPerPeriod: details.messagesPerPeriod,
      fairUseCap: details.fairUseCap,
      botId: order.botId,
      channelIds: details.channelIds,
      days: promo.value,
      grantKey: `promo:${paymentId}`,
      orderId: order.id,
    });
  }
  return true;
}

export type Reversal = {
  creditsTaken?: number;
  creditsSpent?: number;
  /** True when the refund left the buyer without this access. */
  accessEnded?: boolean;
  /** The plan's end after the refund took this order's time back. */
  planEndsAt?: Date;
};

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

/**
 * Takes back what a refunded order gave: the unspent credits, or the access it opened. A course
 * place's chats are closed by a job queued here, in the refund's transaction.
 */
export async function reverseEntitlement(
  ctx: { outbox: Outbox },
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
        at: now,
      });
    }
    return { creditsTaken: take, creditsSpent: details.credits - take };
  }
  const [kind, id] = (order.entitlementRef ?? "").split(":");
  if (details.kind === "plan" && kind === "subscription" && id) {
    const revocation = await revokePlanPeriod(db, now, { subscriptionId: id, orderId: order.id });
    return { accessEnded: revocation.ended, planEndsAt: revocation.endsAt };
  }
  if (details.kind === "course" && kind === "enrollment" && id) {
    const accessEnded = await revokeEnrollment(db, { orderId: order.id, now });
    await queueJob(ctx, db, "courses.end-chat-access", { orderId: order.id });
    return { accessEnded };
  }
  return {};
}
