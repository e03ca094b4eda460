import type { ApiCall } from "@lumen/testkit";

const IN_FLIGHT_MS = 100;

export type Figures = {
  delivered: number;
  uniqueChats: number;
  duplicates: number;
  /** The median messages per second of each stretch the server ran (before and after the kill). */
  rates: number[];
  floodsSent: number;
  /** Sends that went out while a 429's retry_after was still running. */
  floodsIgnored: number;
};

/**
 * Reads the emulator's call log: what was delivered (once per chat?), the rate of each stretch
 * (split at the kill), and whether any message was sent during a 429's retry_after.
 */
export function measure(
  calls: readonly ApiCall[],
  token: string,
  marker: string,
  killedAt: number | null,
): Figures {
  const sends = calls.filter(
    (c) => c.token === token && c.method === "sendMessage" && String(c.params.text ?? "").includes(marker),
  );
  const ok = sends.filter((c) => c.response.ok);
  const perChat = new Map<unknown, number>();
  for (const c of ok) perChat.set(c.params.chat_id, (perChat.get(c.params.chat_id) ?? 0) + 1);
  const stretches =
    killedAt === null ? [ok] : [ok.filter((c) => c.at <= killedAt), ok.filter((c) => c.at > killedAt)];
  // The rate while sending: the median of whole seconds' counts, so pauses (a 429's retry_after,
  // the restart) and the partial first and last seconds do not count as slowness.
  const rates = stretches
    .filter((s) => s.length > 50)
    .map((s) => {
      const buckets = new Map<number, number>();
      for (const c of s)
        buckets.set(Math.floor(c.at / 1000), (buckets.get(Math.floor(c.at / 1000)) ?? 0) + 1);
      const counts = [...buckets.entries()]
        .sort((a, b) => a[0] - b[0])
        .slice(1, -1)
        .map(([, n]) => n)
        .sort((a, b) => a - b);
      return counts.length ? (counts[Math.floor(counts.length / 2)] as number) : s.length;
    });
  const floods = sends.filter(
    (c) => !c.response.ok && (c.response as { error_code?: number }).error_code === 429,
  );
  let ignored = 0;
  for (const flood of floods) {
    const retryMs =
      ((flood.response as { parameters?: { retry_after?: number } }).parameters?.retry_after ?? 1) * 1000;
    // Calls already on their way when the 429 was answered (one per lane at most) land in the first
    // 100 ms; a send after that and before retry_after ends is one the server did not honour.
    ignored += sends.filter((c) => c.at > flood.at + IN_FLIGHT_MS && c.at < flood.at + retryMs - 50).length;
  }
  return {
    delivered: ok.length,
    uniqueChats: perChat.size,
    duplicates: [...perChat.values()].filter((n) => n > 1).length,
    rates,
    floodsSent: floods.length,
    floodsIgnored: ignored,
  };
}
