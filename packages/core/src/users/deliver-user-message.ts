import { type UserMessageRow, userMessages, users } from "@lumen/db";
import { and, eq, lt, or } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";

/** A worker that crashed mid-send leaves a claim this old; after it another worker may try. */
const CLAIM_TIMEOUT_MS = 5 * 60_000;

export type UserMessageClaim =
  | { outcome: "send"; message: UserMessageRow; telegramId: number }
  | { outcome: "done" | "skipped" };

/**
 * Claims a queued operator message before it is sent (queued -> sending, one winner), so two
 * workers or a retried job never deliver it twice. A user blocked since it was queued is skipped.
 */
export async function claimUserMessage(ctx: CoreContext, messageId: string): Promise<UserMessageClaim> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(userMessages)
      .set({ status: "sending", claimedAt: now, updatedAt: now })
      .where(
        and(
          eq(userMessages.id, messageId),
          or(
            eq(userMessages.status, "queued"),
            and(
              eq(userMessages.status, "sending"),
              lt(userMessages.claimedAt, new Date(now.getTime() - CLAIM_TIMEOUT_MS)),
            ),
          ),
        ),
      )
      .returning();
    if (!row) return { outcome: "done" };
    const [user] = await tx.select().from(users).where(eq(users.id, row.userId));
    if (!user || user.isBanned) {
      await tx
        .update(userMessages)
        .set({ status: "skipped", updatedAt: now })
        .where(eq(userMessages.id, messageId));
      return { outcome: "skipped" };
    }
    return { outcome: "send", message: row, telegramId: user.telegramId };
  });
}

/** Records how the send went: sent with Telegram's message id, or failed for good with the reason. */
export async function finishUserMessage(
  ctx: CoreContext,
  input: { messageId: string; telegramMessageId?: number; error?: string },
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db
    .update(userMessages)
    .set(
      input.error === undefined
        ? { status: "sent", sentAt: now, telegramMessageId: input.telegramMessageId ?? null, updatedAt: now }
        : { status: "failed", error: input.error.slice(0, 500), updatedAt: now },
    )
    .where(eq(userMessages.id, input.messageId));
}

/** Gives the claim back after a failure worth retrying (network, 429), so the next try may send. */
export async function releaseUserMessage(ctx: CoreContext, messageId: string): Promise<void> {
  await ctx.db
    .update(userMessages)
    .set({ status: "queued", claimedAt: null, updatedAt: ctx.clock.now() })
    .where(and(eq(userMessages.id, messageId), eq(userMessages.status, "sending")));
}
