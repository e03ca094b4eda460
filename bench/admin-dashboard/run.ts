import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import {
  type CoreContext,
  listPromoStats,
  type Period,
  readAttentionFlags,
  readAudience,
  readRevenue,
  readSubscriptionFigures,
  readTopProducts,
  resolvePeriod,
  systemClock,
} from "@lumen/core";
import { type DatabaseHandle, migrateDatabase, openDatabase } from "@lumen/db";
import { createPostgresTestDatabase } from "@lumen/db/testing";

/**
 * The dashboard's queries against 100,000 users and 200,000 orders, on PGlite and on PostgreSQL:
 * each query on its own and the whole dashboard, p50 and p95 over many runs after a warm-up.
 * npm run bench:admin-dashboard [-- --runs 40] ; BENCH_DATABASE_URL names the PostgreSQL server.
 */
const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 40;
/** `--only pglite` or `--only postgres` measures one driver (seeding PGlite alone takes minutes). */
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const seedSql = readFileSync(new URL("./seed.sql", import.meta.url), "utf8");

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

async function time(label: string, fn: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const [p50, p95] = [percentile(samples, 50), percentile(samples, 95)];
  console.log(`| ${label.padEnd(44)} | ${p50.toFixed(1).padStart(7)} | ${p95.toFixed(1).padStart(7)} |`);
}

const readOnlyOutbox: CoreContext["outbox"] = {
  send: async () => {
    throw new Error("the dashboard benchmark queues no jobs");
  },
};

async function measure(handle: DatabaseHandle) {
  // Dashboard reads queue no jobs: an outbox that refuses is enough.
  const core: CoreContext = { db: handle.db, clock: systemClock, outbox: readOnlyOutbox };
  const seedStart = performance.now();
  if (handle.pglite) await handle.pglite.exec(seedSql);
  else await handle.query(seedSql);
  // What autovacuum does on a live PostgreSQL after bulk inserts: planner statistics, and the
  // visibility map that lets index-only scans skip the table (PGlite has no autovacuum).
  await handle.query("vacuum analyze");
  const [counts] = await handle.query<{ users: number; orders: number }>(
    "select (select count(*)::int from users) as users, (select count(*)::int from orders) as orders",
  );
  console.log(
    `\n${handle.driver}: seeded ${counts?.users} users, ${counts?.orders} orders in ${((performance.now() - seedStart) / 1000).toFixed(1)} s; ${runs} runs each\n`,
  );
  console.log(`| ${"query".padEnd(44)} | p50 ms  | p95 ms  |\n| ${"-".repeat(44)} | ------- | ------- |`);
  const now = new Date();
  const [first] = await handle.query<{ id: string }>("select id from bots order by telegram_id limit 1");
  const bot = first?.id;
  for (const [name, days, botId] of [
    ["30 days, all bots", 30, undefined],
    ["90 days, all bots", 90, undefined],
    ["30 days, one bot", 30, bot],
  ] as const) {
    const to = now.toISOString().slice(0, 10);
    const from = new Date(now.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
    const period: Period = await resolvePeriod(handle.db, now, { from, to, tz: "Europe/Moscow", botId });
    await time(`${name}: revenue by day, orders, payers`, () => readRevenue(handle.db, period));
    await time(`${name}: new, active users, trials, AI`, () => readAudience(handle.db, period));
    await time(`${name}: subscriptions, renewals, churn`, () =>
      readSubscriptionFigures(handle.db, period, now),
    );
    await time(`${name}: top products`, () => readTopProducts(handle.db, period));
    await time(`${name}: flags`, () => readAttentionFlags(core, period.botId));
  }
  await time("promo codes list with uses and revenue", () => listPromoStats(handle.db, { limit: 50 }));
}

console.log(
  `Lumen admin dashboard benchmark, ${new Date().toISOString()}, Node ${process.version}, ${availableParallelism()} cores`,
);
if (only !== "postgres") {
  const pglite = await openDatabase({ driver: "pglite" });
  await migrateDatabase(pglite);
  await measure(pglite);
  await pglite.close();
}
const created = only === "pglite" ? undefined : await createPostgresTestDatabase(serverUrl);
if (created)
  try {
    const postgres = await openDatabase({ driver: "postgres", url: created.url, poolSize: 4 });
    await migrateDatabase(postgres);
    await measure(postgres);
    await postgres.close();
  } finally {
    await created.drop();
  }
