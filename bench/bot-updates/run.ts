import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createPostgresTestDatabase } from "@lumen/db/testing";
import { createTelegramEmulator } from "@lumen/testkit";
import { cleanUpOnSignals, createCleanup } from "../assistant/cleanup.ts";
import { startCpuSampler } from "../assistant/cpu-usage.ts";
import { createApiKey, freePort, startLumenServer } from "../assistant/lumen-server.ts";
import { type PhaseResult, percentile, runPhase, type Writer } from "./load.ts";
import { type BotUpdatesOptions, parseOptions } from "./options.ts";
import { waitForWebhooks } from "./webhooks.ts";

/**
 * Bot updates per second (issue 13) and what analytics events cost them (issue 11): the real
 * server in webhook mode, the Telegram emulator in this process POSTing updates to it as Telegram
 * does (up to max_connections at once, keep-alive), users who are already known writing a command
 * and waiting for the reply. Reports updates/s, latency percentiles and CPU per update of Lumen,
 * PostgreSQL and this process (the emulator and the load), all on the same cores.
 */
async function bench(options: BotUpdatesOptions, cleanup: ReturnType<typeof createCleanup>) {
  const database = await createPostgresTestDatabase(options.databaseUrl);
  cleanup.add("drop the bench database", () => database.drop());
  const dataDir = mkdtempSync(join(tmpdir(), "lumen-bench-"));
  cleanup.add("remove DATA_DIR", () => rmSync(dataDir, { recursive: true, force: true }));
  const tg = await createTelegramEmulator({ webhookDelivery: "parallel", webhookTimeoutMs: 30_000 });
  cleanup.add("close the emulator", () => tg.close());
  const bots = Array.from({ length: options.bots }, (_, i) =>
    tg.createBot({ username: `bench_updates_${i}_bot`, firstName: `Bench ${i}` }),
  );

  const port = await freePort();
  const profiling = process.env.BENCH_SERVER_NODE_OPTIONS;
  const env = {
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: String(options.poolSize),
    LUMEN_SECRET: "5e".repeat(32),
    DATA_DIR: dataDir,
    // warn: at info Fastify logs two lines per request, which is not what is measured.
    LOG_LEVEL: "warn",
    TELEGRAM_API_ROOT: tg.apiRoot,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    // Telegram lets a bot send 1,000 messages/s at most (paid); the bench spreads over several bots.
    TELEGRAM_GLOBAL_RATE_PER_SECOND: "1000",
    ANALYTICS_EVENTS: options.events ? "true" : "false",
    ...(profiling ? { NODE_OPTIONS: profiling } : {}),
  };
  const key = await createApiKey(env, "owner");
  const server = await startLumenServer(env, port);
  cleanup.add("stop the server", () => server.stop());
  for (const bot of bots) {
    const response = await fetch(`${server.url}/api/v1/bots`, {
      method: "POST",
      headers: { "x-auth-key": key, "content-type": "application/json" },
      body: JSON.stringify({ token: bot.token }),
    });
    if (!response.ok) throw new Error(`adding a bot failed: ${response.status} ${await response.text()}`);
  }
  await waitForWebhooks(tg.apiRoot, bots);

  const writers: Writer[] = Array.from({ length: options.users }, (_, i) => ({
    bot: bots[i % bots.length] as (typeof bots)[number],
    user: tg.createUser({ firstName: `U${i}`, languageCode: i % 3 ? "en" : "ru" }),
  }));
  const phase = (stop: { seconds: number } | { onceEach: true }) =>
    runPhase(tg, writers, options.command, options.concurrency, stop);
  console.log(`Every one of ${options.users} users writes ${options.command} once (they become known)...`);
  const first = await phase({ onceEach: true });
  if (first.failed > 0) throw new Error(`${first.failed} users got no reply to their first update`);
  if (options.warmupSeconds > 0) await phase({ seconds: options.warmupSeconds });

  const load = loadavg()[0]?.toFixed(2);
  console.log(`Measuring ${options.durationSeconds} s (load average before: ${load})...`);
  // The server's workers (--workers) are its children: their CPU is Lumen's too.
  const sampler = startCpuSampler((pid, command, _args, ppid) =>
    pid === server.pid || ppid === server.pid
      ? "lumen"
      : pid === process.pid
        ? "bench"
        : command === "postgres"
          ? "postgres"
          : undefined,
  );
  const measured = await phase({ seconds: options.durationSeconds });
  const cpu = sampler.stop();
  report(options, measured, cpu, load);
}

function report(
  options: BotUpdatesOptions,
  result: PhaseResult,
  cpu: ReturnType<ReturnType<typeof startCpuSampler>["stop"]>,
  load: string | undefined,
) {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  const cores = availableParallelism();
  // A group's share of the machine (100 = every core) over the phase, as ms of CPU per update.
  const msPerUpdate = (group: string) =>
    (((cpu.groups.get(group) ?? 0) / 100) * cores * result.seconds * 1000) / Math.max(result.answered, 1);
  const figures = {
    date: new Date().toISOString(),
    command: options.command,
    events: options.events ? "on" : "off",
    bots: options.bots,
    concurrency: options.concurrency,
    updatesPerSecond: Math.round(result.answered / result.seconds),
    failed: result.failed,
    p50Ms: +percentile(sorted, 50).toFixed(1),
    p99Ms: +percentile(sorted, 99).toFixed(1),
    lumenCpuMsPerUpdate: +msPerUpdate("lumen").toFixed(3),
    postgresCpuMsPerUpdate: +msPerUpdate("postgres").toFixed(3),
    benchCpuMsPerUpdate: +msPerUpdate("bench").toFixed(3),
    machineBusyPercent: Math.round(cpu.busy),
    loadAverageBefore: load,
  };
  console.log(
    [
      `\n${options.command}, events ${figures.events}, ${options.bots} bots, ${options.concurrency} in flight, ${result.seconds.toFixed(1)} s:`,
      `  ${figures.updatesPerSecond} updates/s answered (${result.answered}), ${result.failed} without a reply`,
      `  update → reply: p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms`,
      `  CPU per update: Lumen ${figures.lumenCpuMsPerUpdate} ms, PostgreSQL ${figures.postgresCpuMsPerUpdate} ms, ` +
        `emulator + load ${figures.benchCpuMsPerUpdate} ms; machine ${figures.machineBusyPercent}% busy (${cores} cores)`,
    ].join("\n"),
  );
  console.log(`\n${JSON.stringify(figures)}`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env);
  if (!options) return;
  const cleanup = createCleanup();
  cleanUpOnSignals(cleanup);
  try {
    await bench(options, cleanup);
  } catch (error) {
    console.error(`\nbench failed: ${(error as Error)?.stack ?? error}`);
    process.exitCode = 1;
  } finally {
    await cleanup.run();
  }
}

await main();
