import {
  type Currency,
  type Database,
  orders,
  referralAttributions,
  referralCodes,
  referralPayouts,
  users,
} from "@lumen/db";
import { and, eq, inArray, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError } from "../shared/errors.ts";
import { isUniqueViolation } from "../shared/pg-errors.ts";

export type ReferralSettings = { percent: number; holdDays: number };

export type PartnerStats = {
  code: string | null;
  clicks: number;
  signups: number;
  payingUsers: number;
  /** Per currency: revenue of paid orders, commission available, still held, and paid out. */
  money: Array<{
    currency: Currency;
    revenue: number;
    earned: number;
    held: number;
    paidOut: number;
    due: number;
  }>;
};

/**
 * Derived from orders, not stored: commission is a percent of the referred users' paid orders,
 * held for holdDays against refunds; a refunded order simply stops counting.
 */
export async function getPartnerStats(
  db: Database,
  settings: ReferralSettings,
  input: { partnerUserId: string; now: Date },
): Promise<PartnerStats> {
  const [code] = await db.select().from(referralCodes).where(eq(referralCodes.userId, input.partnerUserId));
  const referred = db
    .select({ id: referralAttributions.userId })
    .from(referralAttributions)
    .where(eq(referralAttributions.partnerUserId, input.partnerUserId));
  const [counts] = await db
    .select({ signups: sql<number>`count(*)::int` })
    .from(referralAttributions)
    .where(eq(referralAttributions.partnerUserId, input.partnerUserId));
  const holdStart = new Date(input.now.getTime() - settings.holdDays * 86_400_000);
  const revenue = await db
    .select({
      currency: orders.currency,
      revenue: sql<number>`sum(${orders.amount})::int`,
      settled: sql<number>`coalesce(sum(${orders.amount}) filter (where ${orders.paidAt} <= ${holdStart}), 0)::int`,
      payers: sql<number>`count(distinct ${orders.userId})::int`,
    })
    .from(orders)
    .where(and(eq(orders.status, "paid"), inArray(orders.userId, referred)))
    .groupBy(orders.currency);
  const payouts = await db
    .select({ currency: referralPayouts.currency, total: sql<number>`sum(${referralPayouts.amount})::int` })
    .from(referralPayouts)
    .where(eq(referralPayouts.partnerUserId, input.partnerUserId))
    .groupBy(referralPayouts.currency);
  const commission = (amount: number) => Math.floor((amount * settings.percent) / 100);
  const currencies = new Set<Currency>([
    ...revenue.map((r) => r.currency),
    ...payouts.map((p) => p.currency),
  ]);
  return {
    code: code?.code ?? null,
    clicks: code?.clicks ?? 0,
    signups: counts?.signups ?? 0,
    payingUsers: revenue.reduce((n, r) => n + r.payers, 0),
    money: [...currencies].map((currency) => {
      const row = revenue.find((r) => r.currency === currency);
      const earned = commission(row?.settled ?? 0);
      const paidOut = payouts.find((p) => p.currency === currency)?.total ?? 0;
      return {
        currency,
        revenue: row?.revenue ?? 0,
        earned,
        held: commission(row?.revenue ?? 0) - earned,
        paidOut,
        due: earned - paidOut,
      };
    }),
  };
}

/** An operator records a payout; never more than is due, and once per idempotency key. */
export async function recordPayout(
  ctx: CoreContext,
  actor: Actor,
  settings: ReferralSettings,
  input: {
    partnerUserId: string;
    amount: number;
    currency: Currency;
    note?: string | null;
    idempotencyKey: string;
  },
): Promise<{ replayed: boolean }> {
  requireRole(actor, "admin");
  // A key names one payout: the same key for another partner or amount is a client bug, not a replay.
  const replayOf = async () => {
    const [earlier] = await ctx.db
      .select()
      .from(referralPayouts)
      .where(eq(referralPayouts.idempotencyKey, input.idempotencyKey));
    if (!earlier) return false;
    if (
      earlier.partnerUserId !== input.partnerUserId ||
      earlier.amount !== input.amount ||
      earlier.currency !== input.currency
    )
      throw new LumenError("CONFLICT", "This idempotency key was used for another payout", {
        field: "idempotency_key",
      });
    return true;
  };
  if (await replayOf()) return { replayed: true };
  try {
    return await ctx.db.transaction(async (tx) => {
      // One payout per partner at a time: two at once could each see the same amount as due.
      await tx.select({ id: users.id }).from(users).where(eq(users.id, input.partnerUserId)).for("update");
      const stats = await getPartnerStats(tx, settings, {
        partnerUserId: input.partnerUserId,
        now: ctx.clock.now(),
      });
      const due = stats.money.find((m) => m.currency === input.currency)?.due ?? 0;
      if (input.amount > due)
        throw new LumenError("CONFLICT", `Only ${due} ${input.currency} is due to this partner`, {
          field: "amount",
        });
      await tx
        .insert(referralPayouts)
        .values({ ...input, note: input.note ?? null, createdAt: ctx.clock.now() });
      await recordAudit(tx, actor, {
        action: "referral.payout",
        entityType: "user",
        entityId: input.partnerUserId,
        data: { amount: input.amount, currency: input.currency },
      });
      return { replayed: false };
    });
  } catch (error) {
    if (isUniqueViolation(error) && (await replayOf())) return { replayed: true };
    throw error;
  }
}
