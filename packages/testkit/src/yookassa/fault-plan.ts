import type { FakeYooKassaFailure } from "./types.ts";

type QueuedFailure = { failure: FakeYooKassaFailure; remaining: number };

export type FaultPlan = {
  failNext(failure: FakeYooKassaFailure, times: number): void;
  /** The failure planned for the next API request, if any; each call uses one up. */
  take(): FakeYooKassaFailure | undefined;
};

export function createFaultPlan(): FaultPlan {
  const queue: QueuedFailure[] = [];
  return {
    failNext(failure, times) {
      if (!Number.isInteger(times) || times < 1) {
        throw new RangeError(`failNext: times must be an integer >= 1, got ${times}`);
      }
      if (typeof failure === "object" && !(failure.status >= 400 && failure.status <= 599)) {
        throw new RangeError(`failNext: status must be an HTTP error (400-599), got ${failure.status}`);
      }
      queue.push({ failure: structuredClone(failure), remaining: times });
    },
    take() {
      const queued = queue[0];
      if (!queued) return undefined;
      queued.remaining--;
      if (queued.remaining === 0) queue.shift();
      return structuredClone(queued.failure);
    },
  };
}
