import { assistantSettings, type Database, messagesLog } from "@lumen/db";
import { and, desc, eq, gte } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import type { ChatMessage } from "./chat-model.ts";

/** The last `turns` delivered question/answer pairs of the current conversation, oldest first. */
export async function loadConversation(
  db: Database,
  input: { userId: string; since: Date; turns: number; excludeId?: string },
): Promise<ChatMessage[]> {
  if (input.turns <= 0) return [];
  const rows = await db
    .select({ question: messagesLog.question, answer: messagesLog.answer })
    .from(messagesLog)
    .where(
      and(
        eq(messagesLog.userId, input.userId),
        eq(messagesLog.status, "delivered"),
        gte(messagesLog.createdAt, input.since),
      ),
    )
    .orderBy(desc(messagesLog.createdAt))
    .limit(input.turns);
  return rows.reverse().flatMap((row) => [
    { role: "user" as const, content: row.question },
    { role: "assistant" as const, content: row.answer ?? "" },
  ]);
}

/** /new: earlier turns stay in the log but are no longer sent with questions. */
export async function startNewConversation(ctx: CoreContext, userId: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db
    .insert(assistantSettings)
    .values({ userId, conversationStartedAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: assistantSettings.userId,
      set: { conversationStartedAt: now, updatedAt: now },
    });
}
