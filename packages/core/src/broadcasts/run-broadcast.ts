import { type BroadcastRow, broadcastDeliveries, broadcasts } from "@lumen/db";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import { rowsOf } from "../shared/sql-rows.ts";
import {
  beginSending,
  claimNextRecipient,
  recordDelivery,
  releaseStaleClaims,
  STALE_CLAIM_MS,
} from "./deliveries.ts";
import { renderBroadcastMessage } from "./render-message.ts";
import type { BroadcastSender } from "./sender-port.ts";

export type RunOutcome =
  | { outcome: "done" | "draft" | "paused" | "cancelled" | "missing"; sent: number }
  /** Come back at resumeAt: not due yet, Telegram asked to wait (429), or others still hold claims. */
  | { outcome: "not_due" | "throttled" | "waiting" | "continue"; sent: number; resumeAt: Date };

export type RunOptions = {
  /** How long one run may go before it hands over to a fresh job (jobs have a time limit). */
  budgetMs?: number;
  /** Real-time waits between messages (the rate); tests may pass their own. */
  wait?: (ms: number) => Promise<void>;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Spaces messages out to `perSecond` across all lanes of one worker (real time, not the test clock). */
function createPacer(perSecond: number, wait: (ms: number) => Promise<void>) {
  const interval = 1000 / perSecond;
  let next = Date.now();
  return async () => {
    const now = Date.now();
    const slot = Math.max(now, next);
    next = slot + interval;
    if (slot > now) await wait(slot - now);
  };
}

/**
 * Sends a broadcast: starts it when due, then claims and sends recipient after recipient at its
 * rate, several calls in flight, until none is left, an operator pauses or cancels it, Telegram
 * answers 429 (the whole broadcast waits retry_after, recorded so every worker waits), or the
 * time budget ends. Safe to run in several workers at once and to run again after a crash.
 */
export async function runBroadcast(
  ctx: CoreContext,
  sender: BroadcastSender,
  broadcastId: string,
  options: RunOptions = {},
): Promise<RunOutcome> {
  const wait = options.wait ?? sleep;
  const started = Date.now();
  const b: BroadcastRow | undefined = await beginSending(ctx, broadcastId);
  if (!b) return { outcome: "missing", sent: 0 };
  if (b.status === "scheduled")
    return { outcome: "not_due", sent: 0, resumeAt: b.scheduledAt ?? ctx.clock.now() };
  if (b.status !== "sending")
    return { outcome: b.status === "done" ? "done" : (b.status as "draft"), sent: 0 };
  await releaseStaleClaims(ctx, broadcastId);
  const broadcast = b;
  let stop: RunOutcome | null = null;
  let sent = 0;
  let lastCheck = 0;
  const pace = createPacer(broadcast.ratePerSecond, wait);

  /** Re-reads the status at most once a second: a pause, a cancel or another worker's 429 stops this one. */
  const checkStatus = async () => {
    if (Date.now() - lastCheck < 1000) return;
    lastCheck = Date.now();
    const now = ctx.clock.now();
    const [row] = await ctx.db
      .update(broadcasts)
      .set({ runnerSeenAt: now })
      .where(eq(broadcasts.id, broadcastId))
      .returning({ status: broadcasts.status, pausedUntil: broadcasts.pausedUntil });
    if (row?.status !== "sending") stop ??= { outcome: (row?.status ?? "missing") as "paused", sent };
    else if (row.pausedUntil && row.pausedUntil > now)
      stop ??= { outcome: "throttled", sent, resumeAt: row.pausedUntil };
    else if (options.budgetMs !== undefined && Date.now() - started > options.budgetMs)
      stop ??= { outcome: "continue", sent, resumeAt: now };
  };

  const lane = async () => {
    for (;;) {
      await pace();
      await checkStatus();
      if (stop) return;
      const recipient = await claimNextRecipient(ctx, broadcastId);
      if (!recipient) return;
      const message = renderBroadcastMessage(broadcast, recipient);
      if (recipient.isBanned) {
        await recordDelivery(ctx, {
          botId: broadcast.botId,
          recipient,
          language: message.language,
          outcome: { kind: "skipped", reason: "blocked by an operator" },
        });
        continue;
      }
      if (stop) {
        // Another lane met a 429 (or the budget ended) while this one claimed: give it back unsent.
        await recordDelivery(ctx, {
          botId: broadcast.botId,
          recipient,
          language: message.language,
          outcome: { kind: "throttled", retryAfterSeconds: 0 },
        });
        return;
      }
      const outcome = await sender.send(broadcast.botId, message);
      if (outcome.kind === "throttled") {
        // Every lane stops before its next send, before anything is written.
        const until = new Date(ctx.clock.now().getTime() + outcome.retryAfterSeconds * 1000);
        stop ??= { outcome: "throttled", sent, resumeAt: until };
      }
      await recordDelivery(ctx, { botId: broadcast.botId, recipient, language: message.language, outcome });
      if (outcome.kind === "sent") sent++;
      if (outcome.kind === "throttled") {
        const until = new Date(ctx.clock.now().getTime() + outcome.retryAfterSeconds * 1000);
        await ctx.db
          .update(broadcasts)
          .set({ pausedUntil: until, updatedAt: ctx.clock.now() })
          .where(eq(broadcasts.id, broadcastId));
        stop ??= { outcome: "throttled", sent, resumeAt: until };
        return;
      }
    }
  };
  const lanes = Math.min(32, Math.max(2, Math.ceil(broadcast.ratePerSecond / 10)));
  await Promise.all(Array.from({ length: lanes }, lane));
  if (stop) return { ...(stop as RunOutcome), sent };
  const [after] = await ctx.db.select().from(broadcasts).where(eq(broadcasts.id, broadcastId));
  if (!after) return { outcome: "missing", sent };
  if (after.status !== "sending") return { outcome: after.status as "paused", sent };
  if (after.pausedUntil && after.pausedUntil > ctx.clock.now())
    return { outcome: "throttled", sent, resumeAt: after.pausedUntil };
  return finishIfDone(ctx, broadcastId, sent);
}

/** Done when nobody is pending or being sent; while another worker still sends, check again later. */
async function finishIfDone(ctx: CoreContext, broadcastId: string, sent: number): Promise<RunOutcome> {
  const now = ctx.clock.now();
  const [open] = rowsOf<{ n: number }>(
    await ctx.db.execute(sql`select count(*)::int as n from ${broadcastDeliveries}
      where ${broadcastDeliveries.broadcastId} = ${broadcastId} and ${broadcastDeliveries.status} in ('pending', 'sending')`),
  );
  if (Number(open?.n ?? 0) > 0)
    return { outcome: "waiting", sent, resumeAt: new Date(now.getTime() + STALE_CLAIM_MS) };
  await ctx.db
    .update(broadcasts)
    .set({ status: "done", finishedAt: now, updatedAt: now })
    .where(and(eq(broadcasts.id, broadcastId), inArray(broadcasts.status, ["sending"])));
  return { outcome: "done", sent };
}
