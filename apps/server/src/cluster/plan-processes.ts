import { availableParallelism } from "node:os";

export type ProcessPlan = {
  /** How many server processes serve HTTP: 1 means this process runs it all, no cluster. */
  processes: number;
  /** Why fewer processes than asked for run, for the log; undefined when all do. */
  note?: string;
};

/** `--workers`: a positive whole number, or (unset) the machine's core count. */
export function parseWorkers(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 64) return Number.NaN;
  return count;
}

/**
 * How many processes `start` runs, from the configuration alone (the primary opens no database).
 * Only PostgreSQL can be shared: PGlite is one process's files (the data directory lock), and the
 * worker role serves no HTTP, so those stay one process and say why. The playground (its Telegram
 * emulator lives in one process's memory) is decided by the first worker; see run-primary.ts.
 */
export function planProcesses(input: {
  asked: number | undefined;
  driver: "pglite" | "postgres";
  role: "all" | "api" | "worker";
}): ProcessPlan {
  const wanted = input.asked ?? availableParallelism();
  if (wanted <= 1) return { processes: 1 };
  const single = (why: string): ProcessPlan => ({
    processes: 1,
    note: oneProcessNote(wanted, why),
  });
  if (input.driver === "pglite")
    return single("the embedded database (PGlite) is used by one process only (set DATABASE_URL for more)");
  if (input.role === "worker") return single("the worker role serves no HTTP");
  return { processes: wanted };
}

export const oneProcessNote = (wanted: number, why: string) =>
  `one process, not ${wanted} (--workers): ${why}`;
