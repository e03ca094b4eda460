export type WaitOptions = {
  /** Fail after this long; default 5000 ms. */
  timeoutMs?: number;
  /** Only entries with index >= after count; default 0 (entries already recorded match too). */
  after?: number;
};

/** An append-only list that tests can wait on; waiting is driven by `push`, never by polling. */
export type ObservableLog<T> = {
  readonly items: T[];
  push(item: T): void;
  waitFor(
    predicate: (item: T) => boolean,
    options: WaitOptions,
    explainTimeout: (ms: number) => string,
  ): Promise<T>;
  /** Calls `listener` with every later item until the returned function is called. */
  subscribe(listener: (item: T) => void): () => void;
  /** Rejects every pending wait so a test that forgot to await does not hang. */
  close(): void;
};

type Waiter<T> = { check(item: T, index: number): void; fail(error: Error): void };

export function createObservableLog<T>(name: string): ObservableLog<T> {
  const items: T[] = [];
  const waiters = new Set<Waiter<T>>();
  const listeners = new Set<(item: T) => void>();
  let closed = false;

  return {
    items,
    push(item) {
      items.push(item);
      for (const waiter of [...waiters]) waiter.check(item, items.length - 1);
      for (const listener of [...listeners]) listener(item);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    waitFor(predicate, options, explainTimeout) {
      const after = options.after ?? 0;
      const timeoutMs = options.timeoutMs ?? 5000;
      const earlier = items.slice(after).find(predicate);
      if (earlier !== undefined) return Promise.resolve(earlier);
      if (closed) return Promise.reject(new Error(`${name}: the emulator is closed`));
      return new Promise((resolve, reject) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(waiter);
        };
        const waiter: Waiter<T> = {
          check(item, index) {
            if (index < after || !predicate(item)) return;
            done();
            resolve(item);
          },
          fail(error) {
            done();
            reject(error);
          },
        };
        const timer = setTimeout(() => waiter.fail(new Error(explainTimeout(timeoutMs))), timeoutMs);
        waiters.add(waiter);
      });
    },
    close() {
      closed = true;
      listeners.clear();
      for (const waiter of [...waiters]) waiter.fail(new Error(`${name}: the emulator was closed`));
    },
  };
}
