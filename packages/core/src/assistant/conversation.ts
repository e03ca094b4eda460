import { assistantSettings } from "@lumen/db";
import type { CoreContext } from "../shared/context.ts";

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
