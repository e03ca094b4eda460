import { broadcasts } from "@lumen/db";
import { and, eq, isNull, lt, lte, or } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import { STALE_CLAIM_MS } from "./deliveries.ts";

/**
 * What the minute sweep must (re)start: scheduled broadcasts whose time has come, and sending
 * ones no worker has touched for a while (its process died, or a 429 pause is over).
 */
export async function findDueBroadcasts(ctx: CoreContext): Promise<string[]> {
  const now = ctx.clock.now();
  const silentSince = new Date(now.getTime() - STALE_CLAIM_MS);
  const rows = await ctx.db
    .select({ id: broadcasts.id })
    .from(broadcasts)
    .where(
      or(
        and(eq(broadcasts.status, "scheduled"), lte(broadcasts.scheduledAt, now)),
        and(
          eq(broadcasts.status, "sending"),
          or(isNull(broadcasts.runnerSeenAt), lt(broadcasts.runnerSeenAt, silentSince)),
          or(isNull(broadcasts.pausedUntil), lte(broadcasts.pausedUntil, now)),
        ),
      ),
    )
    .limit(100);
  return rows.map((r) => r.id);
}
