import { bots } from "@lumen/db";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";

export const BOT_STAMP_EVERY_MS = 60_000;

/**
 * Notes that an update arrived for the bot. The write is conditional on the last stamp being a
 * minute old, so however many processes handle updates, a bot's row changes at most once a
 * minute; callers also skip the call when they stamped less than a minute ago themselves.
 */
export async function stampBotUpdate(ctx: CoreContext, botId: string): Promise<boolean> {
  const now = ctx.clock.now();
  const staleBefore = new Date(now.getTime() - BOT_STAMP_EVERY_MS);
  const stamped = await ctx.db
    .update(bots)
    .set({ lastUpdateAt: now })
    .where(and(eq(bots.id, botId), or(isNull(bots.lastUpdateAt), lt(bots.lastUpdateAt, staleBefore))))
    .returning({ id: bots.id });
  return stamped.length > 0;
}
