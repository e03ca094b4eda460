import { type BroadcastRow, botBlocks, broadcastDeliveries, broadcasts, users } from "@lumen/db";
import { and, eq, lt, sql } from "drizzle-orm";
import { recordEvents } from "../analytics/record-events.ts";
import type { CoreContext } from "../shared/context.ts";
import { rowsOf } from "../shared/sql-rows.ts";
import { audienceCondition } from "./audience-sql.ts";
import type { SendOutcome } from "./sender-port.ts";

/** A claim older than this belongs to a worker that died mid-send. */
export const STALE_CLAIM_MS = 30_000;

/**
 * scheduled -> sending, once: the segment's users at this moment become the recipients (one
 * row each, unique per broadcast and user), in the transaction that changes the status.
 */
export async function beginSending(ctx: CoreContext, broadcastId: string): Promise<BroadcastRow | undefined> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [b] = await tx.select().from(broadcasts).where(eq(broadcasts.id, broadcastId)).for("update");
    if (b?.status !== "scheduled" || (b.scheduledAt && b.scheduledAt > now)) return b;
    const condition = audienceCondition(b.botId, b.segment, b.segmentParams, now);
    await tx.execute(sql`insert into ${broadcastDeliveries} (broadcast_id, user_id, language)
      select ${b.id}, ${users.id}, coalesce(${users.locale}, ${users.languageCode}) from ${users} where ${condition}
      on conflict do nothing`);
    const [counted] = rowsOf<{ n: number }>(
      await tx.execute(
        sql`select count(*)::int as n from ${broadcastDeliveries} where ${broadcastDeliveries.broadcastId} = ${b.id}`,
      ),
    );
    const [row] = await tx
      .update(broadcasts)
      .set({
        status: "sending",
        targeted: Number(counted?.n ?? 0),
        startedAt: now,
        runnerSeenAt: now,
        updatedAt: now,
      })
      .where(eq(broadcasts.id, b.id))
      .returning();
    return row;
  });
}

export type ClaimedRecipient = {
  id: string;
  userId: string;
  telegramId: number;
  firstName: string;
  language: string | null;
  isBanned: boolean;
};

/**
 * Claims the next pending recipient (pending -> sending) with SKIP LOCKED, so workers running side
 * by side each take a different one and nobody is sent the message twice. Nothing is claimed while
 * the broadcast is paused, cancelled or waiting out a 429, so those stop every worker at once.
 */
export async function claimNextRecipient(
  ctx: CoreContext,
  broadcastId: string,
): Promise<ClaimedRecipient | null> {
  const now = ctx.clock.now().toISOString();
  // Any pending recipient, not the lowest id: `order by id` made PostgreSQL read and sort every
  // pending row of the broadcast for each claim (176 ms at 100,000 recipients, so a broadcast
  // crawled at ~25/s); without it the (broadcast_id, status) index hands over the first in 0.3 ms.
  const [row] = rowsOf<{
    id: string;
    user_id: string;
    telegram_id: string | number;
    first_name: string;
    language: string | null;
    is_banned: boolean;
  }>(
    await ctx.db.execute(sql`update ${broadcastDeliveries} d set status = 'sending', claimed_at = ${now}
      from ${users} u
      where d.id = (select id from ${broadcastDeliveries} where broadcast_id = ${broadcastId} and status = 'pending'
          and exists (select 1 from ${broadcasts} b where b.id = ${broadcastId} and b.status = 'sending'
            and (b.paused_until is null or b.paused_until <= ${now}))
        limit 1 for update skip locked)
        and u.id = d.user_id
      returning d.id, d.user_id, d.language, u.telegram_id, u.first_name, u.is_banned`),
  );
  if (!row) return null;
  return {
    id: row.id,
    userId: row.user_id,
    telegramId: Number(row.telegram_id),
    firstName: row.first_name,
    language: row.language,
    isBanned: row.is_banned,
  };
}

/**
 * Writes what Telegram answered; a 403 also remembers that the user blocked this bot. A delivery
 * also becomes a "broadcast received" analytics event (through the analytics writer, in the same
 * transaction and keyed by the delivery, so it is counted once whatever retries).
 */
export async function recordDelivery(
  ctx: CoreContext,
  input: {
    botId: string;
    recipient: ClaimedRecipient;
    language: string;
    outcome: SendOutcome | { kind: "skipped"; reason: string };
  },
): Promise<void> {
  const now = ctx.clock.now();
  const { outcome, recipient } = input;
  const where = and(eq(broadcastDeliveries.id, recipient.id), eq(broadcastDeliveries.status, "sending"));
  if (outcome.kind === "throttled") {
    // Not delivered: Telegram refused before sending, so the recipient goes back in line.
    await ctx.db.update(broadcastDeliveries).set({ status: "pending", claimedAt: null }).where(where);
    return;
  }
  if (outcome.kind === "sent") {
    const messageId = outcome.messageId;
    await ctx.db.transaction(async (tx) => {
      const [sent] = await tx
        .update(broadcastDeliveries)
        .set({ status: "sent", sentAt: now, telegramMessageId: messageId, language: input.language })
        .where(where)
        .returning({ broadcastId: broadcastDeliveries.broadcastId });
      if (!sent) return;
      await recordEvents({ ...ctx, db: tx }, [
        {
          type: "broadcast_received",
          userId: recipient.userId,
          botId: input.botId,
          source: sent.broadcastId,
          origin: "server",
          dedupeKey: recipient.id,
          occurredAt: now,
        },
      ]);
    });
    return;
  }
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(broadcastDeliveries)
      .set({
        status: outcome.kind === "blocked" ? "blocked" : "failed",
        error: outcome.reason.slice(0, 300),
        language: input.language,
      })
      .where(where);
    if (outcome.kind === "blocked")
      await tx
        .insert(botBlocks)
        .values({ botId: input.botId, userId: recipient.userId, blockedAt: now })
        .onConflictDoUpdate({ target: [botBlocks.botId, botBlocks.userId], set: { blockedAt: now } });
  });
}

/**
 * Claims a dead worker left behind: the message may or may not have reached Telegram, so it is
 * never sent again (at most once) and is reported as interrupted.
 */
export async function releaseStaleClaims(ctx: CoreContext, broadcastId: string): Promise<number> {
  const before = new Date(ctx.clock.now().getTime() - STALE_CLAIM_MS);
  const rows = await ctx.db
    .update(broadcastDeliveries)
    .set({ status: "interrupted", error: "the worker stopped while sending" })
    .where(
      and(
        eq(broadcastDeliveries.broadcastId, broadcastId),
        eq(broadcastDeliveries.status, "sending"),
        lt(broadcastDeliveries.claimedAt, before),
      ),
    )
    .returning({ id: broadcastDeliveries.id });
  return rows.length;
}
