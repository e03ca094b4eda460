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

export type PartnerMoney = PartnerStats["money"][number];

/**
 * The commission rule, in one place: a percent of the referred users' paid orders per currency,
 * counted as earned once the order is older than the hold (refunds stop counting by themselves,
 * the order is no longer paid), less what was paid out.
 */
export async function readPartnerMoney(
  db: Database,
  settings: ReferralSettings,
  input: { partnerUserIds: string[]; now: Date },
): Promise<Map<string, { payingUsers: number; money: PartnerMoney[] }>> {
  const result = new Map<string, { payingUsers: number; money: PartnerMoney[] }>();
  if (!input.partnerUserIds.length) return result;
  const holdStart = new Date(input.now.getTime() - settings.holdDays * 86_400_000);
  const revenue = await db
    .select({
      partner: referralAttributions.partnerUserId,
      currency: orders.currency,
      revenue: sql<number>`sum(${orders.amount})::bigint`.mapWith(Number),
      settled:
        sql<number>`coalesce(sum(${orders.amount}) filter (where ${orders.paidAt} <= ${holdStart}), 0)::bigint`.mapWith(
          Number,
        ),
      payers: sql<number>`count(distinct ${orders.userId})::int`,
    })
    .from(orders)
    .innerJoin(referralAttributions, eq(referralAttributions.userId, orders.userId))
    .where(and(eq(orders.status, "paid"), inArray(referralAttributions.partnerUserId, input.partnerUserIds)))
    .groupBy(referralAttributions.partnerUserId, orders.currency);
  const payouts = await db
    .select({
      partner: referralPayouts.partnerUserId,
      currency: referralPayouts.currency,
      total: sql<number>`sum(${referralPayouts.amount})::bigint`.mapWith(Number),
    })
    .from(referralPayouts)
    .where(inArray(referralPayouts.partnerUserId, input.partnerUserIds))
    .groupBy(referralPayouts.partnerUserId, referralPayouts.currency);
  const commission = (amount: number) => Math.floor((amount * settings.percent) / 100);
  for (const partner of input.partnerUserIds) {
    const mine = revenue.filter((r) => r.partner === partner);
    const paid = payouts.filter((p) => p.partner === partner);
    const currencies = new Set<Currency>([...mine.map((r) => r.currency), ...paid.map((p) => p.currency)]);
    result.set(partner, {
      payingUsers: mine.reduce((n, r) => n + r.payers, 0),
      money: [...currencies].sort().map((currency) => {
        const row = mine.find((r) => r.currency === currency);
        const earned = commission(row?.settled ?? 0);
        const paidOut = paid.find((p) => p.currency === currency)?.total ?? 0;
        return {
          currency,
          revenue: row?.revenue ?? 0,
          earned,
          held: commission(row?.revenue ?? 0) - earned,
          paidOut,
          due: earned - paidOut,
        };
      }),
    });
  }
  return result;
}

/** One partner's clicks, sign-ups, paying users and money: the partner page and /partner in the bot. */
export async function getPartnerStats(
  db: Database,
  settings: ReferralSettings,
  input: { partnerUserId: string; now: Date },
): Promise<PartnerStats> {
  const [code] = await db.select().from(referralCodes).where(eq(referralCodes.userId, input.partnerUserId));
  const [counts] = await db
    .select({ signups: sql<number>`count(*)::int` })
    .from(referralAttributions)
    .where(eq(referralAttributions.partnerUserId, input.partnerUserId));
  const money = (
    await readPartnerMoney(db, settings, { partnerUserIds: [input.partnerUserId], now: input.now })
  ).get(input.partnerUserId);
  return {
    code: code?.code ?? null,
    clicks: code?.clicks ?? 0,
    signups: counts?.signups ?? 0,
    payingUsers: money?.payingUsers ?? 0,
    money: money?.money ?? [],
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
