import { createObservableLog, type WaitOptions } from "./observable-log.ts";
import type { ApiCall } from "./types.ts";

export type CallPredicate = (params: Record<string, unknown>, call: ApiCall) => boolean;
export type WaitForCallOptions = WaitOptions;

export type CallLog = {
  readonly calls: ApiCall[];
  record(call: Omit<ApiCall, "index">): ApiCall;
  waitFor(
    method: string,
    predicate: CallPredicate | undefined,
    options: WaitForCallOptions,
  ): Promise<ApiCall>;
  subscribe(listener: (call: ApiCall) => void): () => void;
  close(): void;
};

export function createCallLog(): CallLog {
  const log = createObservableLog<ApiCall>("waitForCall");
  const sameMethod = (call: ApiCall, method: string) => call.method.toLowerCase() === method.toLowerCase();

  return {
    calls: log.items,
    record(entry) {
      const call: ApiCall = { index: log.items.length, ...entry };
      log.push(call);
      return call;
    },
    waitFor(method, predicate, options) {
      return log.waitFor(
        (call) => sameMethod(call, method) && (!predicate || predicate(call.params, call)),
        options,
        (ms) => describeTimeout(log.items, method, ms, options.after ?? 0),
      );
    },
    subscribe: log.subscribe,
    close: log.close,
  };
}

/** The timeout error lists what the bot did call, which is usually the clue the test needs. */
function describeTimeout(calls: ApiCall[], method: string, timeoutMs: number, after: number): string {
  const candidates = calls
    .slice(after)
    .filter((call) => call.method.toLowerCase() === method.toLowerCase())
    .slice(-5)
    .map((call) => `  ${JSON.stringify(call.params)} -> ${JSON.stringify(call.response).slice(0, 200)}`);
  const recent = calls
    .slice(Math.max(after, calls.length - 10))
    .map((call) => call.method)
    .join(", ");
  const lines = [`waitForCall("${method}") timed out after ${timeoutMs} ms.`];
  if (candidates.length > 0) lines.push(`Non-matching ${method} calls:`, ...candidates);
  lines.push(`Recent calls: ${recent || "(none)"}`);
  return lines.join("\n");
}
