import type { ChatRequestRecord, RequestPredicate, WaitForRequestOptions } from "./types.ts";

export type RequestLog = {
  readonly requests: ChatRequestRecord[];
  record(entry: Omit<ChatRequestRecord, "index">): ChatRequestRecord;
  /** Applies a later change to a record (e.g. the client hung up) and wakes waiters that may now match. */
  update(request: ChatRequestRecord, change: Partial<Omit<ChatRequestRecord, "index">>): void;
  waitFor(
    predicate: RequestPredicate | undefined,
    options: WaitForRequestOptions,
  ): Promise<ChatRequestRecord>;
  /** Rejects every pending wait so a test that forgot to await does not hang. */
  close(): void;
};

type Waiter = { check(): void; fail(error: Error): void };

/**
 * Unlike the Telegram call log, records here change after they are made, so a
 * wait is re-checked on every record and every update; never by polling.
 */
export function createRequestLog(): RequestLog {
  const requests: ChatRequestRecord[] = [];
  const waiters = new Set<Waiter>();
  let closed = false;
  const notify = () => {
    for (const waiter of [...waiters]) waiter.check();
  };

  return {
    requests,
    record(entry) {
      const request: ChatRequestRecord = { index: requests.length, ...entry };
      requests.push(request);
      notify();
      return request;
    },
    update(request, change) {
      Object.assign(request, change);
      notify();
    },
    waitFor(predicate = () => true, options) {
      const after = options.after ?? 0;
      const timeoutMs = options.timeoutMs ?? 5000;
      const find = () => requests.slice(after).find(predicate);
      const earlier = find();
      if (earlier) return Promise.resolve(earlier);
      if (closed) return Promise.reject(new Error("waitForRequest: the fake OpenAI is closed"));
      return new Promise((resolve, reject) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(waiter);
        };
        const waiter: Waiter = {
          check() {
            const found = find();
            if (!found) return;
            done();
            resolve(found);
          },
          fail(error) {
            done();
            reject(error);
          },
        };
        const timer = setTimeout(
          () => waiter.fail(new Error(describeTimeout(requests, timeoutMs, after))),
          timeoutMs,
        );
        waiters.add(waiter);
      });
    },
    close() {
      closed = true;
      for (const waiter of [...waiters]) waiter.fail(new Error("waitForRequest: the fake OpenAI was closed"));
    },
  };
}

/** The timeout error lists what did arrive, which is usually the clue the test needs. */
function describeTimeout(requests: ChatRequestRecord[], timeoutMs: number, after: number): string {
  const recent = requests.slice(Math.max(after, requests.length - 5)).map((request) => {
    const last = JSON.stringify(request.messages.at(-1)?.content ?? null).slice(0, 120);
    const aborted = request.clientAborted ? " (client aborted)" : "";
    return `  #${request.index} ${request.model || "(no model)"} ${request.outcome} ${request.status ?? "-"}${aborted}: ${last}`;
  });
  const lines = [`waitForRequest timed out after ${timeoutMs} ms.`];
  lines.push(recent.length > 0 ? "Recent requests:" : "No chat completion requests arrived.", ...recent);
  return lines.join("\n");
}
