import { definePreparedSql, rateLimits, runPreparedSql } from "@lumen/db";
import { sql } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import { LumenError } from "../shared/errors.ts";

export type RateLimit = { key: string; limit: number; windowMs: number };
export type RateLimitResult = { allowed: boolean; hits: number; retryAfterSeconds: number };

/** Seconds until a window ends, at least 1: what Retry-After says. */
export const secondsLeft = (windowEnd: number, now: number) =>
  Math.max(1, Math.ceil((windowEnd - now) / 1000));

export const rateLimitedError = (retryAfterSeconds: number) =>
  new LumenError("RATE_LIMITED", `Too many requests; try again in ${retryAfterSeconds} s`, {
    retryAfterSeconds,
  });

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
    retryAfterSeconds: secondsLeft(windowEnd, now),
  };
}

/**
 * Plain SQL by name, not Drizzle: this runs before every API request and every question
 * (issue 13; see runPreparedSql). The rules come as one JSON parameter, so one statement
 * serves any number of them.
 */
const countHitsSql = definePreparedSql(
  "lumen_count_rate_limit_hits_v1",
  `insert into rate_limits (key, window_start, hits, expires_at)
  select r.key, r.window_start, 1, r.expires_at
  from jsonb_to_recordset($1::text::jsonb) as r(key text, window_start timestamptz, expires_at timestamptz)
  on conflict (key, window_start) do update set hits = rate_limits.hits + 1
  returning key, hits`,
);

/**
 * Counts a hit under every rule (one statement, one round trip) and throws RATE_LIMITED, with
 * when to retry, if any is over its limit.
 */
export async function enforceRateLimits(ctx: CoreContext, rules: RateLimit[]): Promise<void> {
  if (rules.length === 0) return;
  const now = ctx.clock.now().getTime();
  const windows = rules.map((rule) => {
    const start = Math.floor(now / rule.windowMs) * rule.windowMs;
    return { rule, start, end: start + rule.windowMs };
  });
  const rows = await runPreparedSql<{ key: string; hits: number }>(ctx.db, countHitsSql, [
    JSON.stringify(
      windows.map((w) => ({
        key: w.rule.key,
        window_start: new Date(w.start).toISOString(),
        expires_at: new Date(w.end).toISOString(),
      })),
    ),
  ]);
  let retryAfterSeconds = 0;
  for (const w of windows) {
    const hits = rows.find((r) => r.key === w.rule.key)?.hits ?? 1;
    if (hits > w.rule.limit) retryAfterSeconds = Math.max(retryAfterSeconds, secondsLeft(w.end, now));
  }
  if (retryAfterSeconds > 0) throw rateLimitedError(retryAfterSeconds);
}
