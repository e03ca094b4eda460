import { assistantTrials } from "@lumen/db";
import type { CoreContext } from "../shared/context.ts";
import { LumenError } from "../shared/errors.ts";
import { assertUserExists } from "../users/get-user.ts";
import type { AssistantConfig } from "./assistant-config.ts";

export type Trial = {
  messagesGranted: number;
  messagesLeft: number;
  startedAt: Date;
  expiresAt: Date | null;
};

/** One trial per Telegram user, ever: the user id is the primary key, so a second insert does nothing. */
export async function startTrial(ctx: CoreContext, config: AssistantConfig, userId: string): Promise<Trial> {
  await assertUserExists(ctx.db, userId);
  const now = ctx.clock.now();
  const [trial] = await ctx.db
    .insert(assistantTrials)
    .values({
      userId,
      messagesGranted: config.trialMessages,
      messagesLeft: config.trialMessages,
      startedAt: now,
      expiresAt: config.trialDays ? new Date(now.getTime() + config.trialDays * 86_400_000) : null,
    })
    .onConflictDoNothing()
    .returning();
  if (!trial)
    throw new LumenError("CONFLICT", "The free trial has already been used", { reason: "trial_used" });
  return trial;
}
