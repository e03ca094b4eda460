import type { HttpClient } from "./http-client.ts";

export type LoadResult = {
  /** Requests sent, whatever their outcome. */
  sent: number;
  /** 200 answers: questions answered and charged. */
  ok: number;
  /** Wall time from the first request to the last answer. */
  seconds: number;
  /** Latency of the 200 answers, ascending. */
  latenciesMs: Float64Array;
  /** Non-200 outcomes: HTTP status, or "network" for a failed connection or timeout. */
  errors: Map<string, number>;
  /** The first error body seen, so a run that fails says why. */
  firstError: string | undefined;
};

export type LoadOptions = {
  client: HttpClient;
  userIds: readonly string[];
  concurrency: number;
  seconds: number;
};

/**
 * Closed-loop load: `concurrency` workers, each sending its next question as soon as the last
 * is answered, each to a random user, until the deadline. No request starts after it, so the
 * run ends at most one request timeout late.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { client, userIds } = options;
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  let firstError: string | undefined;
  let sent = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const fail = (kind: string, detail: string) => {
    errors.set(kind, (errors.get(kind) ?? 0) + 1);
    firstError ??= `${kind}: ${detail.slice(0, 300)}`;
  };

  const worker = async () => {
    while (performance.now() < deadline) {
      const userId = userIds[Math.floor(Math.random() * userIds.length)];
      const begun = performance.now();
      sent++;
      try {
        const response = await client.post("/api/v1/assistant/messages", {
          user_id: userId,
          text: `How many credits does question ${sent} cost?`,
        });
        if (response.status === 200) latencies.push(performance.now() - begun);
        else fail(String(response.status), response.body);
      } catch (error) {
        fail("network", (error as Error)?.message ?? String(error));
        // A refused connection fails at once; without a pause a dead server would be spun on.
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  return { sent, ok: sorted.length, seconds, latenciesMs: sorted, errors, firstError };
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}
