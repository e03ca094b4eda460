import { assistantTrials, definePreparedSql, messagesLog, runPreparedSql } from "@lumen/db";
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
 * Plain SQL by name, not Drizzle: the second half of every question (issue 13; see
 * runPreparedSql). Conditional on the row still being pending, so a question the
 * stale-reservation job already gave back stays free.
 */
const completeQuestionSql = definePreparedSql(
  "lumen_complete_question_v1",
  `update messages_log
  set status = 'delivered', answer = $2::text, prompt_tokens = $3::int, completion_tokens = $4::int,
    latency_ms = $5::int, completed_at = $6::timestamptz
  where id = $1::uuid and status = 'pending'
  returning id`,
);

/** The answer reached the user: the reservation becomes the charge, in one statement. */
export async function completeQuestion(
  ctx: CoreContext,
  messageId: string,
  result: CompletedAnswer,
): Promise<boolean> {
  const done = await runPreparedSql(ctx.db, completeQuestionSql, [
    messageId,
    result.answer,
    result.promptTokens,
    result.completionTokens,
    result.latencyMs,
    ctx.clock.now(),
  ]);
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
