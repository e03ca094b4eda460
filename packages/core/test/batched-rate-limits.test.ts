import { rateLimits } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BatchedRateLimits, type CoreContext, createBatchedRateLimits } from "../src/index.ts";
import { createTestCore } from "./support.ts";

let t: Awaited<ReturnType<typeof createTestCore>>;
const made: BatchedRateLimits[] = [];
/** A limiter as one API process keeps it; a flush interval no test waits for. */
const limiter = (core: CoreContext = t.core) => {
  const limits = createBatchedRateLimits(core, { flushMs: 3_600_000 });
  made.push(limits);
  return limits;
};
const storedHits = async (key: string) =>
  (await t.core.db.select({ hits: rateLimits.hits }).from(rateLimits).where(eq(rateLimits.key, key)))
    .map((r) => r.hits)
    .reduce((a, b) => a + b, 0);
const outcome = (p: Promise<void>) =>
  p.then(
    () => "ok",
    (e: { code?: string }) => e.code,
  );

beforeAll(async () => {
  t = await createTestCore();
});
afterAll(async () => {
  for (const limits of made) await limits.close();
  await t.database.close();
});

describe("API limits counted in memory and shared in batches", () => {
  it("admits exactly the limit in one process and says when to retry", async () => {
    const limits = limiter();
    const rule = { key: "batch:one", limit: 5, windowMs: 60_000 };
    const results = [];
    for (let i = 0; i < 7; i++) results.push(await outcome(limits.enforce([rule])));
    expect(results).toEqual(["ok", "ok", "ok", "ok", "ok", "RATE_LIMITED", "RATE_LIMITED"]);
    await expect(limits.enforce([rule])).rejects.toMatchObject({
      details: { retryAfterSeconds: expect.any(Number) },
    });
  });

  it("holds the limit across two processes within what the other has not flushed yet", async () => {
    const [first, second] = [limiter(), limiter()];
    const rule = { key: "batch:two", limit: 6, windowMs: 60_000 };
    const results = [];
    for (let i = 0; i < 10; i++) results.push(await outcome((i % 2 ? first : second).enforce([rule])));
    // Each admits up to half the limit on its own; past half it reads the shared total, which
    // lacks only the other's hits since its last flush (at most half the limit).
    const admitted = results.filter((r) => r === "ok").length;
    expect(admitted).toBeGreaterThanOrEqual(6);
    expect(admitted).toBeLessThanOrEqual(6 + 3);
    expect(results.slice(0, 6)).toEqual(Array(6).fill("ok"));
    expect(results.at(-1)).toBe("RATE_LIMITED");
    await Promise.all([first.flush(), second.flush()]);
    expect(await storedHits("batch:two")).toBe(10);
    expect(await outcome(first.enforce([rule]))).toBe("RATE_LIMITED");
    expect(await outcome(second.enforce([rule]))).toBe("RATE_LIMITED");
  });

  it("admits many requests at once in one process exactly up to the limit", async () => {
    const limits = limiter();
    const rule = { key: "batch:burst", limit: 40, windowMs: 60_000 };
    const results = await Promise.all(Array.from({ length: 60 }, () => outcome(limits.enforce([rule]))));
    expect(results.filter((r) => r === "ok")).toHaveLength(40);
  });

  it("writes hits admitted without the database at the next flush, and counts each once", async () => {
    const limits = limiter();
    const rule = { key: "batch:flush", limit: 1000, windowMs: 60_000 };
    for (let i = 0; i < 12; i++) await limits.enforce([rule]);
    expect(await storedHits("batch:flush")).toBe(0);
    await limits.flush();
    expect(await storedHits("batch:flush")).toBe(12);
    await limits.flush();
    await limits.enforce([rule]);
    await limits.close();
    expect(await storedHits("batch:flush")).toBe(13);
  });

  it("keeps the hits of a flush that failed for the next one", async () => {
    let failNext = true;
    const flaky: CoreContext = {
      ...t.core,
      db: new Proxy(t.core.db, {
        get(target, prop, receiver) {
          if (failNext && prop === "_") {
            failNext = false;
            throw new Error("connection lost");
          }
          return Reflect.get(target, prop, receiver);
        },
      }),
    };
    const limits = limiter(flaky);
    const rule = { key: "batch:retry", limit: 1000, windowMs: 60_000 };
    for (let i = 0; i < 3; i++) await limits.enforce([rule]);
    await expect(limits.flush()).rejects.toThrow("connection lost");
    await limits.flush();
    expect(await storedHits("batch:retry")).toBe(3);
  });

  it("starts afresh in the next window", async () => {
    const limits = limiter();
    const rule = { key: "batch:window", limit: 1, windowMs: 60_000 };
    await limits.enforce([rule]);
    expect(await outcome(limits.enforce([rule]))).toBe("RATE_LIMITED");
    t.clock.advance(60_000);
    expect(await outcome(limits.enforce([rule]))).toBe("ok");
  });
});
