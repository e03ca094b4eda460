import { assistantTrials, messagesLog } from "@lumen/db";
import { and, eq, lt, sql } from "drizzle-orm";
import { changeCredits } from "../credits/change-credits.ts";
import type { CoreContext } from "../shared/context.ts";
import { returnPlanMessage } from "../subscriptions/plan-usage.ts";

export type CompletedAnswer = {
  answer: string;
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
};

/**
 * The answer reached the user: the reservation becomes the charge. Conditional on the row
 * still being pending, so a question the stale-reservation job already gave back stays free.
 */
export async function completeQuestion(
  ctx: CoreContext,
  messageId: string,
  result: CompletedAnswer,
): Promise<boolean> {
  const done = await ctx.db
    .update(messagesLog)
    .set({ status: "delivered", ...result, completedAt: ctx.clock.now() })
    .where(and(eq(messagesLog.id, messageId), eq(messagesLog.status, "pending")))
    .returning({ id: messagesLog.id });
  return done.length > 0;
}

/**
 * No answer was delivered: mark the question failed and give back what it took, to the
 * source it was taken from. Runs at most once per question (the status flips first).
 */
export async function releaseQuestion(ctx: CoreContext, messageId: string, error: string): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(messagesLog)
      .set({ status: "failed", error: error.slice(0, 1000), completedAt: ctx.clock.now() })
      .where(and(eq(messagesLog.id, messageId), eq(messagesLog.status, "pending")))
      .returning();
    if (!row) return false;
    if (row.chargedFrom === "credits" && row.costCredits > 0) {
      await changeCredits(tx, {
        userId: row.userId,
        delta: row.costCredits,
        reason: "refund",
        idempotencyKey: `refund:${row.id}`,
        at: ctx.clock.now(),
      });
    } else if (row.chargedFrom === "trial") {
      await tx
        .update(assistantTrials)
        .set({ messagesLeft: sql`${assistantTrials.messagesLeft} + 1` })
        .where(eq(assistantTrials.userId, row.userId));
    } else if (row.chargedFrom === "plan" && row.chargeRef) {
      const [subscriptionId = "", period = "0"] = row.chargeRef.split(":");
      await returnPlanMessage(tx, { subscriptionId, period: Number(period) });
    }
    return true;
  });
}

/** For the job: questions pending longer than the timeout were lost to a crash; give back their charge. */
export async function releaseStaleQuestions(
  ctx: CoreContext,
  timeoutMs: number,
): Promise<{ released: number }> {
  const cutoff = new Date(ctx.clock.now().getTime() - timeoutMs);
  const stale = await ctx.db
    .select({ id: messagesLog.id })
    .from(messagesLog)
    .where(and(eq(messagesLog.status, "pending"), lt(messagesLog.createdAt, cutoff)))
    .limit(500);
  let released = 0;
  for (const { id } of stale)
    if (await releaseQuestion(ctx, id, "abandoned: no answer before the reservation timed out")) released++;
  return { released };
}
