import { type MessageLogRow, messagesLog } from "@lumen/db";
import { and, desc, eq, lt } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";

/** A user's questions and answers, newest first, paged by creation time. */
export async function listMessages(
  ctx: CoreContext,
  input: { userId: string; before?: Date; limit: number },
): Promise<MessageLogRow[]> {
  return ctx.db
    .select()
    .from(messagesLog)
    .where(
      and(
        eq(messagesLog.userId, input.userId),
        input.before ? lt(messagesLog.createdAt, input.before) : undefined,
      ),
    )
    .orderBy(desc(messagesLog.createdAt))
    .limit(input.limit);
}
