import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enforceRateLimits, hitRateLimit, pruneRateLimits } from "../src/index.ts";
import { createTestCore } from "./support.ts";

let t: Awaited<ReturnType<typeof createTestCore>>;
beforeAll(async () => {
  t = await createTestCore();
});
afterAll(() => t.database.close());

describe("rate limits in the database", () => {
  it("counts every one of many simultaneous hits exactly once", async () => {
    const rule = { key: "test:burst", limit: 15, windowMs: 60_000 };
    const results = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit(t.core, rule)));
    expect(results.map((r) => r.hits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(15);
  });

  it("says when to retry, and starts afresh in the next window", async () => {
    const rule = { key: "test:window", limit: 1, windowMs: 60_000 };
    await enforceRateLimits(t.core, [rule]);
    await expect(enforceRateLimits(t.core, [rule])).rejects.toMatchObject({
      code: "RATE_LIMITED",
      details: { retryAfterSeconds: expect.any(Number) },
    });
    t.clock.advance(60_000);
    await enforceRateLimits(t.core, [rule]);
  });

  it("prunes the counters of windows that ended", async () => {
    t.clock.advance(120_000);
    expect(await pruneRateLimits(t.core)).toBeGreaterThan(0);
    expect((await hitRateLimit(t.core, { key: "test:window", limit: 1, windowMs: 60_000 })).hits).toBe(1);
  });
});
