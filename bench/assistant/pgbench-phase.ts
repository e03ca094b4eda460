import { type Classify, type CpuShare, startCpuSampler } from "./cpu-usage.ts";
import { type PgCounters, perUnit, readPgCounters } from "./pg-counters.ts";
import { type PgbenchResult, runPgbench } from "./pgbench-runner.ts";

export type PgbenchPhase = { result: PgbenchResult; cpu: CpuShare; perTransaction: PgCounters };

/**
 * One pgbench run with the same instruments as the HTTP scenarios: CPU by process group, and
 * PostgreSQL's counters per transaction (exact: pgbench's backends flush them as they exit).
 */
export async function measurePgbench(options: {
  databaseUrl: string;
  clients: number;
  seconds: number;
  users: number;
  script: string;
  protocol?: "simple" | "extended" | "prepared";
  /** Told pgbench's pid once it is known, so `classify` can name it. */
  setPgbenchPid: (pid: number | undefined) => void;
  classify: Classify;
}): Promise<PgbenchPhase> {
  const before = await readPgCounters(options.databaseUrl);
  const sampler = startCpuSampler(options.classify);
  const result = await runPgbench({ ...options, onStart: options.setPgbenchPid });
  const cpu = sampler.stop();
  const after = await readPgCounters(options.databaseUrl);
  return { result, cpu, perTransaction: perUnit(before, after, result.transactions) };
}
