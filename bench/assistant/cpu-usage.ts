import { readdirSync, readFileSync } from "node:fs";

/**
 * Names the group a process belongs to (e.g. "postgres"), or undefined to leave it in "other".
 * `args` reads its command line (a backend's names its database) only when asked; `ppid` is its
 * parent's pid (a server's cluster workers are its children).
 */
export type Classify = (pid: number, command: string, args: () => string, ppid: number) => string | undefined;

/** Shares of the whole machine (100 = every core busy) over the sampled interval. */
export type CpuShare = { busy: number; groups: Map<string, number> };

export type CpuSampler = { stop(): CpuShare };

type Ticks = { ticks: number; group: string };

function machineTicks(): { total: number; idle: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n", 1)[0] ?? "";
  const fields = line.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  return { total, idle: (fields[3] ?? 0) + (fields[4] ?? 0) };
}

function processTicks(classify: Classify): Map<number, Ticks> {
  const result = new Map<number, Ticks>();
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // exited between the listing and the read
    }
    const close = stat.lastIndexOf(")");
    const command = stat.slice(stat.indexOf("(") + 1, close);
    const rest = stat.slice(close + 2).split(" ");
    // Fields 14 and 15 of proc(5): user and system time of all the process's threads.
    const ticks = Number(rest[11]) + Number(rest[12]);
    const args = () => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
      } catch {
        return "";
      }
    };
    result.set(pid, { ticks, group: classify(pid, command, args, Number(rest[1])) ?? "other" });
  }
  return result;
}

/**
 * Where the two cores went during a run, from /proc (Linux only). Sampled every half second
 * so short-lived processes (pgbench and its backends exit at the end) are counted up to
 * their last sample; a process that started during the run counts from zero.
 */
export function startCpuSampler(classify: Classify, intervalMs = 500): CpuSampler {
  const firstMachine = machineTicks();
  const first = processTicks(classify);
  const last = new Map(first);
  const sample = () => {
    for (const [pid, ticks] of processTicks(classify)) last.set(pid, ticks);
  };
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const machine = machineTicks();
      const total = machine.total - firstMachine.total;
      const groups = new Map<string, number>();
      for (const [pid, { ticks, group }] of last) {
        const used = ticks - (first.get(pid)?.ticks ?? 0);
        if (used > 0) groups.set(group, (groups.get(group) ?? 0) + (100 * used) / total);
      }
      const busy = total > 0 ? (100 * (total - (machine.idle - firstMachine.idle))) / total : 0;
      return { busy, groups };
    },
  };
}
