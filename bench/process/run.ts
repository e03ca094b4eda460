import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createPostgresTestDatabase } from "@lumen/db/testing";
import { findFreePort, repoRoot, runLumenCli } from "../../apps/server/test/support/lumen-process.ts";

/**
 * The process as an operator meets it: start to healthy (spawn until GET /api/health answers
 * 200) on an existing data dir, and resident memory (RSS, every process of the program) a second
 * after that, on PGlite and on PostgreSQL, for each `--workers` count asked. Targets (issue 13):
 * at most 2 s to healthy, 200 MB on PostgreSQL and 400 MB on PGlite for one process.
 *
 *   npm run bench:process -- [--rounds 5] [--workers 1,2] [--database-url postgres://...]
 */
const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "5" },
    workers: { type: "string", default: "1,2" },
    "database-url": {
      type: "string",
      default: process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
    },
  },
});
const rounds = Number(values.rounds);
const workerCounts = values.workers.split(",").map(Number);
const bin = join(repoRoot, "apps/server/bin/lumen.mjs");

/** Resident set of a process and its children (the cluster workers), in MB, from /proc. */
function rssMb(pid: number): { total: number; each: number[] } {
  const kb = (p: number) =>
    Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
  const children = (p: number): number[] => {
    const list = readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim();
    return list ? list.split(/\s+/).map(Number) : [];
  };
  const all = [pid, ...children(pid).flatMap((c) => [c, ...children(c)])];
  const each = all.map((p) => kb(p) / 1024);
  return { total: each.reduce((a, b) => a + b, 0), each };
}

async function oneStart(env: Record<string, string>, workers: number) {
  const port = await findFreePort();
  const started = performance.now();
  const child = spawn(process.execPath, [bin, "start", "--workers", String(workers)], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      PLAYGROUND: "false",
      // info only for a cluster, whose "Lumen runs N processes" line says every worker is up.
      LOG_LEVEL: workers > 1 ? "info" : "warn",
      ...env,
      HOST: "127.0.0.1",
      PORT: String(port),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-2000);
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Lumen exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const healthyMs = performance.now() - started;
  // With several workers the first answer can come before the others are up.
  while (workers > 1 && !out.includes(`Lumen runs ${workers} processes`))
    await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 1000));
  const rss = rssMb(child.pid as number);
  child.kill("SIGTERM");
  const code = await exited;
  if (code !== 0) throw new Error(`Lumen stopped with ${code}`);
  return { healthyMs, rss };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const range = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

async function measure(driver: "pglite" | "postgres", workers: number) {
  const dataDir = mkdtempSync(join(tmpdir(), "lumen-bench-process-"));
  const database =
    driver === "postgres" ? await createPostgresTestDatabase(values["database-url"]) : undefined;
  try {
    const env = {
      DATA_DIR: dataDir,
      LUMEN_SECRET: "22".repeat(32),
      ...(database ? { DATABASE_URL: database.url } : {}),
    };
    // An existing data dir, as a restart finds it: migrated once beforehand.
    const migrated = await runLumenCli(env, ["migrate"]);
    if (migrated.code !== 0) throw new Error(`migrate failed: ${migrated.stderr}`);
    const runs = [];
    for (let i = 0; i < rounds; i++) runs.push(await oneStart(env, workers));
    const health = runs.map((r) => r.healthyMs);
    const total = runs.map((r) => r.rss.total);
    const biggest = runs.map((r) => Math.max(...r.rss.each));
    const processes = runs[0]?.rss.each.length ?? 0;
    return `| ${driver} | ${workers} | ${processes} | ${median(health).toFixed(0)} (${range(health)}) | ${median(total).toFixed(0)} (${range(total)}) | ${median(biggest).toFixed(0)} |`;
  } finally {
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const lines = [
  "| driver | --workers | processes | start to healthy, ms: median (range) | RSS of all, MB: median (range) | largest process, MB |",
  "| --- | --- | --- | --- | --- | --- |",
];
for (const driver of ["pglite", "postgres"] as const)
  for (const workers of driver === "pglite" ? [1] : workerCounts) {
    const line = await measure(driver, workers);
    console.error(line);
    lines.push(line);
  }
console.log(`\n${rounds} starts each, ${new Date().toISOString()}\n\n${lines.join("\n")}`);
