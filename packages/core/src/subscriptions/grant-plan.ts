import { type Database, type SubscriptionRow, subscriptions } from "@lumen/db";
import { and, desc, eq, gt, inArray } from "drizzle-orm";
import { z } from "zod";
import { parseInput } from "../shared/parse-input.ts";
import { periodIndexOf } from "./plan-usage.ts";

const grantPlanInput = z.object({
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
  days: z.number().int().min(1).optional(),
});

/**
 * Starts a plan, or extends the live one with the same code: the new period is added to
 * its end, not to today, so renewing early never loses paid days.
 */
export async function grantPlan(
  db: Database,
  now: Date,
  input: z.input<typeof grantPlanInput>,
): Promise<SubscriptionRow> {
  const plan = parseInput(grantPlanInput, input);
  const days = (plan.days ?? plan.periodDays) * 24 * 60 * 60 * 1000;
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
  if (live) {
    const [extended] = await db
      .update(subscriptions)
      .set({
        endsAt: new Date(live.endsAt.getTime() + days),
        status: "active",
        channelIds: plan.channelIds,
        updatedAt: now,
      })
      .where(eq(subscriptions.id, live.id))
      .returning();
    return extended as SubscriptionRow;
  }
  const [created] = await db
    .insert(subscriptions)
    .values({
      userId: plan.userId,
      planCode: plan.planCode,
      title: plan.title,
      status: "active",
      startsAt: now,
      endsAt: new Date(now.getTime() + days),
      periodDays: plan.periodDays,
      messagesPerPeriod: plan.messagesPerPeriod,
      fairUseCap: plan.fairUseCap,
      botId: plan.botId,
      channelIds: plan.channelIds,
      usagePeriod: periodIndexOf(now, plan.periodDays, now),
    })
    .returning();
  return created as SubscriptionRow;
}
