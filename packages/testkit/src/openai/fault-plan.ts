import type { FakeOpenAIFailure } from "./types.ts";

type QueuedFailure = { failure: FakeOpenAIFailure; remaining: number };

export type FaultPlan = {
  failNext(failure: FakeOpenAIFailure, times: number): void;
  failRate(p: number, seed: number): void;
  /** Decides the fate of one valid request: a queued failure first, else a draw against the rate. */
  take(): FakeOpenAIFailure | undefined;
};

const RANDOM_FAILURE: FakeOpenAIFailure = { status: 500 };

export function createFaultPlan(): FaultPlan {
  const queue: QueuedFailure[] = [];
  let rate = 0;
  let random = seededRandom(1);

  return {
    failNext(failure, times) {
      if (!Number.isInteger(times) || times < 1)
        throw new RangeError(`failNext: times must be >= 1, got ${times}`);
      if (typeof failure === "object" && !(failure.status >= 400 && failure.status <= 599)) {
        throw new RangeError(`failNext: status must be an HTTP error (400-599), got ${failure.status}`);
      }
      queue.push({ failure: structuredClone(failure), remaining: times });
    },
    failRate(p, seed) {
      if (!(p >= 0 && p <= 1)) throw new RangeError(`failRate: p must be within [0, 1], got ${p}`);
      rate = p;
      random = seededRandom(seed);
    },
    take() {
      const queued = queue[0];
      if (queued) {
        queued.remaining--;
        if (queued.remaining === 0) queue.shift();
        return structuredClone(queued.failure);
      }
      if (rate > 0 && random() < rate) return RANDOM_FAILURE;
      return undefined;
    },
  };
}

/** mulberry32: tiny and good enough to spread failures; the point is the same pattern per seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
