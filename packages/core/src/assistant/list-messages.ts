import { type MessageLogRow, messagesLog } from "@lumen/db";
import { and, desc, eq, gte, lt } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";

/**
 * A user's questions and answers, newest first, paged by creation time; `since` keeps only the
 * current conversation (the store's chat shows what the AI still remembers).
 */
export async function listMessages(
  ctx: CoreContext,
  input: { userId: string; before?: Date; since?: Date; limit: number },
): Promise<MessageLogRow[]> {
  return ctx.db
    .select()
    .from(messagesLog)
    .where(
      and(
        eq(messagesLog.userId, input.userId),
        input.before ? lt(messagesLog.createdAt, input.before) : undefined,
        input.since ? gte(messagesLog.createdAt, input.since) : undefined,
      ),
    )
    .orderBy(desc(messagesLog.createdAt))
    .limit(input.limit);
}

/** The text of a question that failed, for the Retry button; only the asker's own, only once failed. */
export async function findFailedQuestion(
  ctx: CoreContext,
  input: { userId: string; messageId: string },
): Promise<string | null> {
  const [row] = await ctx.db
    .select({ question: messagesLog.question })
    .from(messagesLog)
    .where(
      and(
        eq(messagesLog.id, input.messageId),
        eq(messagesLog.userId, input.userId),
        eq(messagesLog.status, "failed"),
      ),
    );
  return row?.question ?? null;
}
