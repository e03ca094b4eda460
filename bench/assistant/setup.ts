import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPostgresTestDatabase } from "@lumen/db/testing";
import { createFakeOpenAI, type FakeOpenAI } from "@lumen/testkit";
import type { Cleanup } from "./cleanup.ts";
import { createHttpClient, type HttpClient } from "./http-client.ts";
import { createApiKey, type LumenServer, startLumenServer } from "./lumen-server.ts";
import type { BenchOptions } from "./options.ts";
import { SEED_CREDITS, type SeedResult, seedUsers } from "./seed-users.ts";

export type BenchSetup = {
  databaseUrl: string;
  ai: FakeOpenAI;
  /** Undefined with --skip-lumen. */
  server: LumenServer | undefined;
  http: HttpClient | undefined;
  seed: SeedResult;
};

/**
 * A fresh database, the fake AI, an admin API key, the server and the users, each registered
 * with `cleanup` the moment it exists, so a failure at any step still undoes the earlier ones.
 */
export async function setUpBench(options: BenchOptions, cleanup: Cleanup): Promise<BenchSetup> {
  const database = await createPostgresTestDatabase(options.databaseUrl);
  cleanup.add("drop the bench database", () => database.drop());
  const dataDir = mkdtempSync(join(tmpdir(), "lumen-bench-"));
  cleanup.add("remove DATA_DIR", () => rmSync(dataDir, { recursive: true, force: true }));
  const ai = await createFakeOpenAI({ apiKey: "sk-bench" });
  cleanup.add("close the fake AI", () => ai.close());
  cleanup.add("stop trimming the fake's log", keepFakeLogShort(ai));

  const profiling = process.env.BENCH_SERVER_NODE_OPTIONS;
  const env = {
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: String(options.poolSize),
    LUMEN_SECRET: "5e".repeat(32),
    DATA_DIR: dataDir,
    // warn, not info: at info Fastify logs two lines per request, and that is not what is measured.
    LOG_LEVEL: "warn",
    OPENAI_BASE_URL: ai.baseUrl,
    OPENAI_API_KEY: "sk-bench",
    OPENAI_MODEL: "gpt-4o-mini",
    // One API key drives the whole load: its per-key limit must not be what is measured.
    API_RATE_LIMIT_PER_MINUTE: "1000000",
    API_ADDRESS_RATE_LIMIT_PER_MINUTE: "1000000",
    // e.g. "--cpu-prof --cpu-prof-dir=/tmp/lumen-prof" to see where the server's time goes.
    ...(profiling ? { NODE_OPTIONS: profiling } : {}),
  };
  const apiKey = await createApiKey(env);
  const server = options.skipLumen ? undefined : await startLumenServer(env);
  if (server) cleanup.add("stop the server", () => server.stop());
  const http = server && createHttpClient(server.url, { "x-auth-key": apiKey }, options.concurrency);
  if (http) cleanup.add("close HTTP sockets", () => http.close());

  const seed = await seedUsers({
    databaseUrl: database.url,
    users: options.users,
    mode: server ? options.seed : "sql",
    http,
    workers: options.concurrency,
  });
  const how =
    seed.mode === "sql"
      ? "bulk SQL inserts into users, credit_balances and credit_ledger (one ledger row per balance)"
      : "the HTTP API (POST /users, then an admin credit adjustment each)";
  console.log(
    `Setup: database migrated by \`lumen api-key create\`; ${seed.userIds.length} users with ` +
      `${SEED_CREDITS} credits each, via ${how}, in ${seed.seconds.toFixed(1)} s. ` +
      `Server: DATABASE_POOL_SIZE=${options.poolSize}, LOG_LEVEL=warn, NODE_ENV=production.`,
  );
  return { databaseUrl: database.url, ai, server, http, seed };
}

/**
 * The fake keeps every request for tests to inspect; a benchmark sends tens of thousands with
 * growing conversations, and the heap (and GC pauses in the load generator) would grow with them.
 */
function keepFakeLogShort(ai: FakeOpenAI): () => void {
  const log = ai.requests as unknown[];
  const timer = setInterval(() => {
    log.length = 0;
  }, 1000);
  timer.unref();
  return () => clearInterval(timer);
}
