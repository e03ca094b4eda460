import type { CpuShare } from "./cpu-usage.ts";
import { type LoadResult, percentile } from "./load-generator.ts";
import type { PgCounters } from "./pg-counters.ts";
import type { PgbenchResult } from "./pgbench-runner.ts";

/** The aim: the HTTP path keeps at least this share of what PostgreSQL alone does. */
export const AIM = 0.6;

export type ScenarioReport = { name: string; label: string; load: LoadResult; cpu: CpuShare };

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "-");
const pad = (text: string, width: number) => text.padStart(width);

export const requestsPerSecond = (load: LoadResult) => load.ok / load.seconds;

function formatErrors(load: LoadResult): string {
  if (load.errors.size === 0) return "none";
  return [...load.errors].map(([kind, count]) => `${kind}: ${count}`).join(", ");
}

/** "server 48 · bench 17 · postgres 31": percent of both cores, largest first. */
export function formatCpu(cpu: CpuShare): string {
  const parts = [...cpu.groups]
    .filter(([, share]) => share >= 0.5)
    .sort((a, b) => b[1] - a[1])
    .map(([group, share]) => `${group} ${share.toFixed(0)}`);
  const others = (cpu.groups.get("other") ?? 0) + (cpu.groups.get("other postgres") ?? 0);
  const noisy =
    others >= 10 ? `; WARNING: ${others.toFixed(0)}% went to other work, rerun on a quiet machine` : "";
  return `${cpu.busy.toFixed(0)}% busy (${parts.join(" · ")})${noisy}`;
}

export function formatScenario({ name, load, cpu }: ScenarioReport): string {
  const l = load.latenciesMs;
  return [
    `${name}`,
    `  requests/s ${pad(fixed(requestsPerSecond(load)), 8)}   (${load.ok} answered in ${fixed(load.seconds, 2)} s)`,
    `  latency    p50 ${fixed(percentile(l, 50))} ms   p99 ${fixed(percentile(l, 99))} ms   max ${fixed(l.at(-1) ?? Number.NaN)} ms`,
    `  errors     ${formatErrors(load)}${load.firstError ? `   first: ${load.firstError}` : ""}`,
    `  CPU        ${formatCpu(cpu)}   (% of all cores)`,
  ].join("\n");
}

export function formatPgbench(title: string, result: PgbenchResult, cpu: CpuShare): string {
  return [
    `${title} (${result.command})`,
    `  tps        ${pad(fixed(result.tps), 8)}   (${result.transactions} transactions, ${result.failed} failed)`,
    `  latency    average ${fixed(result.latencyMs, 2)} ms`,
    `  CPU        ${formatCpu(cpu)}   (% of all cores)`,
  ].join("\n");
}

/** The figures the task asks for, together, and the verdict against the aim. */
export function formatSummary(
  scenarios: ScenarioReport[],
  core: PgbenchResult,
  full: PgbenchResult | undefined,
): string {
  const lines = ["Summary"];
  for (const { label, load } of scenarios) {
    const l = load.latenciesMs;
    lines.push(
      `  Lumen, ${label.padEnd(22)} ${pad(fixed(requestsPerSecond(load)), 8)} requests/s   ` +
        `p50 ${fixed(percentile(l, 50))} ms   p99 ${fixed(percentile(l, 99))} ms   errors: ${formatErrors(load)}`,
    );
  }
  lines.push(`  pgbench, core SQL             ${pad(fixed(core.tps), 8)} tps`);
  if (full) lines.push(`  pgbench, Lumen's statements   ${pad(fixed(full.tps), 8)} tps (diagnostic)`);
  const first = scenarios[0];
  if (first) {
    const rps = requestsPerSecond(first.load);
    const ratio = rps / core.tps;
    const verdict =
      ratio >= AIM
        ? `meets the aim of at least ${AIM * 100}%`
        : `BELOW the aim of at least ${AIM * 100}% (that would be ${fixed(AIM * core.tps, 0)} requests/s)`;
    lines.push(`  Lumen (${first.label}) / pgbench core = ${fixed(100 * ratio)}%: ${verdict}`);
    if (full) {
      lines.push(
        `  Lumen (${first.label}) / pgbench running Lumen's own statements = ${fixed((100 * rps) / full.tps)}%` +
          " (that pgbench figure is the most PostgreSQL allows those statements here)",
      );
    }
  }
  return lines.join("\n");
}

/** Side by side: what one answered question (or pgbench transaction) costs PostgreSQL. */
export function formatCounters(columns: Array<[string, PgCounters | undefined]>): string {
  const rows: Array<[string, keyof PgCounters, number]> = [
    ["transactions (commits)", "commits", 2],
    ["rows fetched", "rowsFetched", 1],
    ["rows inserted", "rowsInserted", 2],
    ["rows updated", "rowsUpdated", 2],
    ["WAL records", "walRecords", 1],
    ["WAL bytes", "walBytes", 0],
    ["WAL flushes (fsync)", "walSyncs", 3],
  ];
  const width = Math.max(...columns.map(([title]) => title.length), 8) + 2;
  const head = columns.map(([title]) => pad(title, width)).join("");
  const lines = [`${"PostgreSQL work per question".padEnd(28)}${head}`];
  for (const [label, key, digits] of rows) {
    const cells = columns.map(([, counters]) => pad(counters ? fixed(counters[key], digits) : "-", width));
    lines.push(`  ${label.padEnd(26)}${cells.join("")}`);
  }
  return lines.join("\n");
}
