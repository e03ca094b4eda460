import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The comparison: the core writes of one question, as the task defines them. */
export const CORE_SCRIPT = "spend-question.sql";
/** The diagnostic: every statement Lumen sends for one question. */
export const FULL_SCRIPT = "lumen-question.sql";

export type PgbenchResult = {
  tps: number;
  transactions: number;
  failed: number;
  latencyMs: number;
  command: string;
  pid: number | undefined;
};

function numberAfter(output: string, pattern: RegExp): number {
  const match = pattern.exec(output);
  return match?.[1] ? Number(match[1]) : Number.NaN;
}

/** pgbench's own summary; "tps" is without the initial connection time. */
export function parsePgbenchOutput(output: string): Omit<PgbenchResult, "command" | "pid"> {
  return {
    tps: numberAfter(output, /^tps = ([\d.]+)/m),
    transactions: numberAfter(output, /number of transactions actually processed: (\d+)/),
    failed: numberAfter(output, /number of failed transactions: (\d+)/) || 0,
    latencyMs: numberAfter(output, /latency average = ([\d.]+) ms/),
  };
}

/**
 * pgbench with the bench's script on the bench database. `onStart` gets the pid, so the CPU
 * sampler can tell pgbench's own time from PostgreSQL's. The run ends by -T; the timer here
 * only guards against a pgbench that never exits.
 */
export async function runPgbench(options: {
  databaseUrl: string;
  clients: number;
  seconds: number;
  users: number;
  script: string;
  /** pgbench -M; the comparison uses pgbench's default (simple). */
  protocol?: "simple" | "extended" | "prepared";
  onStart?: (pid: number | undefined) => void;
}): Promise<PgbenchResult> {
  const args = [
    "-n",
    "-c",
    String(options.clients),
    "-j",
    "2",
    "-T",
    String(options.seconds),
    "-D",
    `users=${options.users}`,
    ...(options.protocol ? ["-M", options.protocol] : []),
    "-f",
    fileURLToPath(new URL(`./${options.script}`, import.meta.url)),
    options.databaseUrl,
  ];
  const child = spawn("pgbench", args, { stdio: ["ignore", "pipe", "pipe"] });
  options.onStart?.(child.pid);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const guard = setTimeout(() => child.kill("SIGKILL"), (options.seconds + 60) * 1000);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  }).finally(() => clearTimeout(guard));
  const parsed = parsePgbenchOutput(stdout);
  if (code !== 0 || !Number.isFinite(parsed.tps)) {
    throw new Error(`pgbench failed (exit ${code}):\n${stderr}\n${stdout}`);
  }
  return {
    ...parsed,
    command: `pgbench ${args.slice(0, -2).join(" ")} bench/assistant/${options.script} <bench db>`,
    pid: child.pid,
  };
}
