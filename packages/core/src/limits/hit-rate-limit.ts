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

/** The fixed window of `windowMs` that the moment `now` (ms) falls in. */
export function windowOf(windowMs: number, now: number): { start: number; end: number } {
  const start = Math.floor(now / windowMs) * windowMs;
  return { start, end: start + windowMs };
}

/**
 * Plain SQL by name, not Drizzle: this runs for API requests and every question (issue 13; see
 * runPreparedSql). The counts come as one JSON parameter, so one statement adds to any number of
 * counters and returns each one's total.
 */
const addHitsSql = definePreparedSql(
  "lumen_add_rate_limit_hits_v1",
  `insert into rate_limits (key, window_start, hits, expires_at)
  select r.key, r.window_start, r.hits, r.expires_at
  from jsonb_to_recordset($1::text::jsonb) as r(key text, window_start timestamptz, hits int, expires_at timestamptz)
  on conflict (key, window_start) do update set hits = rate_limits.hits + excluded.hits
  returning key, window_start, hits`,
);

export type HitCount = { key: string; start: number; end: number; hits: number };

/** Adds hits to the shared counters in one statement; the totals come back with their window start (ms). */
export async function addRateLimitHits(
  ctx: CoreContext,
  counts: HitCount[],
): Promise<Array<{ key: string; start: number; hits: number }>> {
  const rows = await runPreparedSql<{ key: string; window_start: Date | string; hits: number }>(
    ctx.db,
    addHitsSql,
    [
      JSON.stringify(
        counts.map((c) => ({
          key: c.key,
          window_start: new Date(c.start).toISOString(),
          hits: c.hits,
          expires_at: new Date(c.end).toISOString(),
        })),
      ),
    ],
  );
  return rows.map((r) => ({ key: r.key, start: new Date(r.window_start).getTime(), hits: Number(r.hits) }));
}

/**
 * Counts one hit against a key in the current fixed window and says whether it is within the
 * limit. The counter is one upserted row, so every API and bot process shares it and two hits at
 * once are both counted (the database serialises the increment).
 */
export async function hitRateLimit(ctx: CoreContext, rule: RateLimit): Promise<RateLimitResult> {
  const now = ctx.clock.now().getTime();
  const { start: windowStart, end: windowEnd } = windowOf(rule.windowMs, now);
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
 * Counts a hit under every rule (one statement, one round trip) and throws RATE_LIMITED, with
 * when to retry, if any is over its limit.
 */
export async function enforceRateLimits(ctx: CoreContext, rules: RateLimit[]): Promise<void> {
  if (rules.length === 0) return;
  const now = ctx.clock.now().getTime();
  const windows = rules.map((rule) => ({ rule, ...windowOf(rule.windowMs, now) }));
  const rows = await addRateLimitHits(
    ctx,
    windows.map((w) => ({ key: w.rule.key, start: w.start, end: w.end, hits: 1 })),
  );
  let retryAfterSeconds = 0;
  for (const w of windows) {
    const hits = rows.find((r) => r.key === w.rule.key)?.hits ?? 1;
    if (hits > w.rule.limit) retryAfterSeconds = Math.max(retryAfterSeconds, secondsLeft(w.end, now));
  }
  if (retryAfterSeconds > 0) throw rateLimitedError(retryAfterSeconds);
}
