import { availableParallelism, totalmem } from "node:os";
import pg from "pg";
import { type Cleanup, cleanUpOnSignals, createCleanup } from "./cleanup.ts";
import type { Classify } from "./cpu-usage.ts";
import { type LumenRun, runLumenScenarios } from "./lumen-scenarios.ts";
import { type BenchOptions, parseOptions } from "./options.ts";
import { checkLedger, type PgCounters, perUnit, readPgCounters } from "./pg-counters.ts";
import { measurePgbench, type PgbenchPhase } from "./pgbench-phase.ts";
import { CORE_SCRIPT, FULL_SCRIPT } from "./pgbench-runner.ts";
import { formatCounters, formatPgbench, formatSummary } from "./report.ts";
import { setUpBench } from "./setup.ts";

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    return rows[0]?.v ?? "?";
  } finally {
    await client.end();
  }
}

/** Order matters: the HTTP scenarios first, then the server stops, then pgbench has the machine. */
async function bench(options: BenchOptions, cleanup: Cleanup): Promise<void> {
  console.log(
    `Lumen assistant benchmark, ${new Date().toISOString()}\n` +
      `Node ${process.version}, PostgreSQL ${await serverVersion(options.databaseUrl)}, ` +
      `${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ` +
      `${options.durationSeconds} s per scenario (HTTP ones after ${options.warmupSeconds} s warm-up), ` +
      `${options.concurrency} workers / clients, ${options.users} users`,
  );
  const { databaseUrl, ai, server, http, seed } = await setUpBench(options, cleanup);

  let pgbenchPid: number | undefined;
  const database = new URL(databaseUrl).pathname.slice(1);
  const classify: Classify = (pid, command, args) => {
    if (pid === server?.pid) return "server";
    if (pid === process.pid) return "bench (load+fake AI)";
    if (pid === pgbenchPid) return "pgbench";
    if (command !== "postgres") return undefined;
    // A client backend's title names its database and peer ("postgres: user db 127.0.0.1(5432) idle");
    // background processes (WAL writer, checkpointer, autovacuum) serve everyone and count as ours.
    // Other people's tests on the same server land in "other", where a noisy run shows itself.
    const title = args();
    const client = /\(\d+\)|\[local\]/.test(title);
    return !client || title.includes(` ${database} `) ? "postgres" : "other postgres";
  };

  let lumen: LumenRun | undefined;
  let lumenCounters: PgCounters | undefined;
  if (server && http) {
    const before = await readPgCounters(databaseUrl);
    lumen = await runLumenScenarios({ bench: options, http, ai, userIds: seed.userIds, classify });
    // Stopping the server closes its pool, which flushes its backends' statistics; and it
    // leaves pgbench the whole machine.
    http.close();
    await server.stop();
    lumenCounters = perUnit(before, await readPgCounters(databaseUrl), lumen.totalRequests);
    const ledger = await checkLedger(databaseUrl);
    const fine = ledger.mismatched + ledger.pending === 0;
    console.log(
      `\nLedger after the HTTP load: ${ledger.mismatched} balances differ from the sum of their ledger ` +
        `rows, ${ledger.pending} questions left pending${fine ? " (as it should be)" : " (WRONG)"}.`,
    );
  }

  const pgbench = async (title: string, script: string, protocol?: "prepared"): Promise<PgbenchPhase> => {
    console.log(`\n${title}: ${options.durationSeconds} s...`);
    const phase = await measurePgbench({
      databaseUrl,
      clients: options.concurrency,
      seconds: options.durationSeconds,
      users: options.users,
      script,
      protocol,
      setPgbenchPid: (pid) => {
        pgbenchPid = pid;
      },
      classify,
    });
    console.log(formatPgbench(title, phase.result, phase.cpu));
    return phase;
  };
  const core = await pgbench(`pgbench, the same core SQL (${CORE_SCRIPT})`, CORE_SCRIPT);
  const full = options.fullSql
    ? await pgbench(
        `pgbench, every statement Lumen sends (${FULL_SCRIPT}, diagnostic)`,
        FULL_SCRIPT,
        "prepared",
      )
    : undefined;

  const columns: Array<[string, PgCounters | undefined]> = [
    ["Lumen", lumenCounters],
    ["pgbench core", core.perTransaction],
  ];
  if (full) columns.push(["pgbench full", full.perTransaction]);
  console.log(`\n${formatCounters(columns)}`);
  console.log(`\n${formatSummary(lumen?.scenarios ?? [], core.result, full?.result)}`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env);
  if (!options) return;
  const cleanup = createCleanup();
  cleanUpOnSignals(cleanup);
  const started = performance.now();
  try {
    await bench(options, cleanup);
  } catch (error) {
    console.error(`\nbench failed: ${(error as Error)?.stack ?? error}`);
    process.exitCode = 1;
  } finally {
    await cleanup.run();
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    console.log(`\nCleaned up (server stopped, fake AI closed, database dropped); ${seconds} s in all.`);
  }
}

await main();
