import { rateLimits } from "@lumen/db";
import { sql } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import { LumenError } from "../shared/errors.ts";

export type RateLimit = { key: string; limit: number; windowMs: number };
export type RateLimitResult = { allowed: boolean; hits: number; retryAfterSeconds: number };

/**
 * Counts one hit against a key in the current fixed window and says whether it is within the
 * limit. The counter is one upserted row, so every API and bot process shares it and two hits at
 * once are both counted (the database serialises the increment).
 */
export async function hitRateLimit(ctx: CoreContext, rule: RateLimit): Promise<RateLimitResult> {
  const now = ctx.clock.now().getTime();
  const windowStart = Math.floor(now / rule.windowMs) * rule.windowMs;
  const windowEnd = windowStart + rule.windowMs;
  const [row] = await ctx.db
    .insert(rateLimits)
    .values({ key: rule.key, windowStart: new Date(windowStart), hits: 1, expiresAt: new Date(windowEnd) })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { hits: sql`${rateLimits.hits} + 1` },
    })
    .returning({ hits: rateLimits.hits });
  const hits = row?.hits ?? 1;
  return {
    allowed: hits <= rule.limit,
    hits,
    retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now) / 1000)),
  };
}

/** Counts a hit under every rule and throws RATE_LIMITED (with when to retry) if any is over. */
export async function enforceRateLimits(ctx: CoreContext, rules: RateLimit[]): Promise<void> {
  let retryAfterSeconds = 0;
  for (const rule of rules) {
    const result = await hitRateLimit(ctx, rule);
    if (!result.allowed) retryAfterSeconds = Math.max(retryAfterSeconds, result.retryAfterSeconds);
  }
  if (retryAfterSeconds > 0)
    throw new LumenError("RATE_LIMITED", `Too many requests; try again in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
    });
}
