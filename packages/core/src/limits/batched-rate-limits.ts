import type { CoreContext } from "../shared/context.ts";
import {
  addRateLimitHits,
  type RateLimit,
  rateLimitedError,
  secondsLeft,
  windowOf,
} from "./hit-rate-limit.ts";

export type BatchedRateLimits = {
  /** Counts one request under every rule; throws RATE_LIMITED, with when to retry, past a limit. */
  enforce(rules: RateLimit[]): Promise<void>;
  /** Adds every hit counted here to the shared counters now. */
  flush(): Promise<void>;
  /** Stops the timer and flushes what is left. */
  close(): Promise<void>;
};

type Counter = { key: string; start: number; end: number; shared: number; inflight: number; pending: number };

/**
 * The API's per-key and per-address limits (hundreds a minute), counted in this process and added
 * to the shared rows (the same `rate_limits` counters `enforceRateLimits` keeps) in one statement
 * every `flushMs`. Counting every request in the database made every API request a commit on the
 * same two rows, queued behind each other's row lock: a third of PostgreSQL's work per AI question
 * (issue 13). A request is admitted here without the database while this process's view of the
 * count (what the last flush returned, plus its own hits since) is at most half the limit; past
 * half, every request adds its hits at once and reads the shared total, as before. So one process
 * is exact, and several may together pass a limit by what the others admitted since their last
 * flush (250 ms of their traffic, at most half the limit each). The login and store limits, a
 * handful a minute, stay exact with `enforceRateLimits`.
 */
export function createBatchedRateLimits(
  ctx: CoreContext,
  options: { flushMs?: number } = {},
): BatchedRateLimits {
  const counters = new Map<string, Counter>();
  const counterFor = (rule: RateLimit, now: number): Counter => {
    const { start, end } = windowOf(rule.windowMs, now);
    const id = `${rule.key}\n${start}`;
    let counter = counters.get(id);
    if (!counter) {
      counter = { key: rule.key, start, end, shared: 0, inflight: 0, pending: 0 };
      counters.set(id, counter);
    }
    return counter;
  };

  async function addHits(batch: Counter[]): Promise<void> {
    const sent = batch.filter((c) => c.pending > 0).map((c) => ({ counter: c, hits: c.pending }));
    if (sent.length === 0) return;
    for (const { counter, hits } of sent) {
      counter.pending = 0;
      counter.inflight += hits;
    }
    try {
      const rows = await addRateLimitHits(
        ctx,
        sent.map(({ counter, hits }) => ({ key: counter.key, start: counter.start, end: counter.end, hits })),
      );
      for (const row of rows) {
        const counter = counters.get(`${row.key}\n${row.start}`);
        if (counter) counter.shared = Math.max(counter.shared, row.hits);
      }
    } catch (error) {
      // Not lost: the hits go back to pending for the next flush.
      for (const { counter, hits } of sent) counter.pending += hits;
      throw error;
    } finally {
      for (const { counter, hits } of sent) counter.inflight -= hits;
    }
  }

  async function flush(): Promise<void> {
    const now = ctx.clock.now().getTime();
    for (const [id, c] of counters)
      if (c.end <= now && c.pending === 0 && c.inflight === 0) counters.delete(id);
    await addHits([...counters.values()]);
  }

  const timer = setInterval(() => flush().catch(() => {}), options.flushMs ?? 250);
  timer.unref();

  return {
    async enforce(rules) {
      if (rules.length === 0) return;
      const now = ctx.clock.now().getTime();
      const picked = rules.map((rule) => ({ rule, counter: counterFor(rule, now) }));
      const seen = (c: Counter) => c.shared + c.inflight + c.pending;
      const local = picked.every(({ rule, counter }) => seen(counter) + 1 <= Math.floor(rule.limit / 2));
      for (const { counter } of picked) counter.pending += 1;
      if (local) return;
      await addHits(picked.map((p) => p.counter));
      let retryAfterSeconds = 0;
      for (const { rule, counter } of picked)
        if (counter.shared > rule.limit)
          retryAfterSeconds = Math.max(retryAfterSeconds, secondsLeft(counter.end, now));
      if (retryAfterSeconds > 0) throw rateLimitedError(retryAfterSeconds);
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
