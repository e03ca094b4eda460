import { rateLimits } from "@lumen/db";
import { lt } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";

/** Drops counters of windows that have ended; run hourly so the table stays small. */
export async function pruneRateLimits(ctx: CoreContext): Promise<number> {
  const deleted = await ctx.db
    .delete(rateLimits)
    .where(lt(rateLimits.expiresAt, ctx.clock.now()))
    .returning({ key: rateLimits.key });
  return deleted.length;
}
