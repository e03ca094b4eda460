import { type Database, type SubscriptionRow, subscriptionPeriods, subscriptions } from "@lumen/db";
import { and, desc, eq, gt, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { LumenError } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";
import { periodIndexOf } from "./plan-usage.ts";

const DAY_MS = 86_400_000;

const extendPlanInput = z.object({
  userId: z.uuid(),
  planCode: z.string().min(1).max(100),
  title: z.string().min(1).max(200),
  periodDays: z.number().int().min(1).max(3660),
  /** null = unlimited within the fair-use cap. */
  messagesPerPeriod: z.number().int().min(1).nullable(),
  fairUseCap: z.number().int().min(1).default(1000),
  botId: z.uuid().nullable().default(null),
  channelIds: z.array(z.number().int()).default([]),
  /** How long this grant lasts, when not one period (free days from a promo code). */
  days: z.number().int().min(1).max(36_600).optional(),
  /** What grants this time (`payment:<id>`, ...): the same key twice grants once. */
  grantKey: z.string().min(1).max(200),
  /** The order that bought this time, so its refund takes back exactly this period. */
  orderId: z.uuid().nullable().default(null),
});

export type ExtendPlanInput = z.input<typeof extendPlanInput>;

/**
 * Adds one period of plan time, keyed by what paid for it. It starts a plan, or is appended at
 * the end of the live one with the same code (not at today, so renewing early never loses paid
 * days). Each period is its own row, so a refund can later take back exactly this one
 * (`revokePlanPeriod`). The same grant key twice changes nothing and returns the plan.
 */
export async function extendPlan(db: Database, now: Date, input: ExtendPlanInput): Promise<SubscriptionRow> {
  const plan = parseInput(extendPlanInput, input);
  const length = (plan.days ?? plan.periodDays) * DAY_MS;
  // Two first purchases of a plan settled at once would each start a plan: one at a time per
  // user and plan code (held to the end of the caller's transaction).
  await db.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`plan:${plan.userId}:${plan.planCode}`}, 0))`,
  );
  const [granted] = await db
    .select({ subscriptionId: subscriptionPeriods.subscriptionId })
    .from(subscriptionPeriods)
    .where(eq(subscriptionPeriods.grantKey, plan.grantKey));
  if (granted) return getSubscription(db, granted.subscriptionId);
  const [live] = await db
    .select()
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.userId, plan.userId),
        eq(subscriptions.planCode, plan.planCode),
        inArray(subscriptions.status, ["active", "trial"]),
        gt(subscriptions.endsAt, now),
      ),
    )
    .orderBy(desc(subscriptions.endsAt))
    .limit(1)
    .for("update");
  const startsAt = live ? live.endsAt : now;
  const endsAt = new Date(startsAt.getTime() + length);
  const [subscription] = live
    ? await db
        .update(subscriptions)
        .set({ endsAt, status: "active", channelIds: plan.channelIds, updatedAt: now })
        .where(eq(subscriptions.id, live.id))
        .returning()
    : await db
        .insert(subscriptions)
        .values({
          userId: plan.userId,
          planCode: plan.planCode,
          title: plan.title,
          status: "active",
          startsAt,
          endsAt,
          periodDays: plan.periodDays,
          messagesPerPeriod: plan.messagesPerPeriod,
          fairUseCap: plan.fairUseCap,
          botId: plan.botId,
          channelIds: plan.channelIds,
          usagePeriod: periodIndexOf(now, plan.periodDays, now),
          // Dated by the caller's clock like the order that paid for it: describePurchase compares
          // the two, and the database's clock may differ from the server's (or a test's) clock.
          createdAt: now,
          updatedAt: now,
        })
        .returning();
  if (!subscription) throw new LumenError("INTERNAL", "The subscription was not saved");
  await db.insert(subscriptionPeriods).values({
    subscriptionId: subscription.id,
    grantKey: plan.grantKey,
    orderId: plan.orderId,
    startsAt,
    endsAt,
    createdAt: now,
  });
  return subscription;
}

async function getSubscription(db: Database, id: string): Promise<SubscriptionRow> {
  const [row] = await db.select().from(subscriptions).where(eq(subscriptions.id, id));
  if (!row) throw new LumenError("NOT_FOUND", "No such subscription");
  return row;
}
