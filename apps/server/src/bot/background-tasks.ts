/**
 * Work a handler starts but does not wait for (an AI answer takes seconds; the webhook reply
 * must not). Shutdown waits for what is still running, up to its own deadline.
 */
export function createBackgroundTasks(onError: (error: unknown) => void) {
  const running = new Set<Promise<void>>();
  return {
    run(task: () => Promise<void>): void {
      const promise = task()
        .catch(onError)
        .finally(() => running.delete(promise));
      running.add(promise);
    },
    async drain(): Promise<void> {
      while (running.size) await Promise.allSettled([...running]);
    },
    get size() {
      return running.size;
    },
  };
}

export type BackgroundTasks = ReturnType<typeof createBackgroundTasks>;
