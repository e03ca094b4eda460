export type Cleanup = {
  /** Registers an undo step; steps run last-registered first, like nested finally blocks. */
  add(name: string, step: () => Promise<unknown> | unknown): void;
  /** Runs every step once, even when one fails; safe to call again (later calls wait for the first). */
  run(): Promise<void>;
};

export function createCleanup(): Cleanup {
  const steps: Array<{ name: string; step: () => Promise<unknown> | unknown }> = [];
  let running: Promise<void> | undefined;
  return {
    add(name, step) {
      steps.push({ name, step });
    },
    run() {
      running ??= (async () => {
        while (steps.length > 0) {
          const { name, step } = steps.pop()!;
          try {
            await step();
          } catch (error) {
            console.error(`cleanup: ${name} failed: ${(error as Error)?.message ?? error}`);
          }
        }
      })();
      return running;
    },
  };
}

/**
 * Ctrl+C must still drop the database and stop the server: without this handler Node would
 * exit at once and leave a lumen_test_* database and a listening server behind.
 */
export function cleanUpOnSignals(cleanup: Cleanup): void {
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: cleaning up (server, fake AI, database)...`);
    void cleanup.run().finally(() => process.exit(130));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}
