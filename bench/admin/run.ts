import { availableParallelism, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { listPayments, listSubscriptions, listUsers, searchOrders } from "@lumen/core";
import type { Database } from "@lumen/db";
import { createTestDatabase } from "@lumen/db/testing";
import { type AdminSeed, seedAdminData } from "./seed-admin-data.ts";

/**
 * The admin lists against 100,000 users and 200,000 orders, on PostgreSQL and on PGlite: each
 * query is the core verb the HTTP route calls (the route adds parsing and JSON only), timed
 * over many runs after a warm-up, reported as p50 and p95. Not a test: figures depend on the machine.
 */

type Scenario = { name: string; run: (db: Database, seed: AdminSeed) => Promise<unknown> };

const scenarios: Scenario[] = [
  { name: "users: first page, newest first", run: (db, s) => listUsers(db, s.now, {}) },
  {
    name: "users: page 5 (cursor), newest first",
    run: async (db, s) => {
      let cursor: string | undefined;
      for (let k = 0; k < 5; k++) cursor = (await listUsers(db, s.now, { cursor })).nextCursor ?? undefined;
    },
  },
  { name: "users: search name 'olg'", run: (db, s) => listUsers(db, s.now, { search: "olg" }) },
  {
    name: "users: search surname 'surname99'",
    run: (db, s) => listUsers(db, s.now, { search: "surname99" }),
  },
  {
    name: "users: search @user_4242 (prefix)",
    run: (db, s) => listUsers(db, s.now, { search: "@user_4242" }),
  },
  { name: "users: search Telegram id", run: (db, s) => listUsers(db, s.now, { search: "500054321" }) },
  { name: "users: paying", run: (db, s) => listUsers(db, s.now, { paying: true }) },
  { name: "users: active plan", run: (db, s) => listUsers(db, s.now, { activePlan: true }) },
  { name: "users: trial, not paying", run: (db, s) => listUsers(db, s.now, { trial: true, paying: false }) },
  { name: "users: blocked", run: (db, s) => listUsers(db, s.now, { blocked: true }) },
  { name: "users: partners", run: (db, s) => listUsers(db, s.now, { partner: true }) },
  {
    name: "users: language ru, by balance",
    run: (db, s) => listUsers(db, s.now, { language: "ru", sort: "balance" }),
  },
  { name: "users: by name", run: (db, s) => listUsers(db, s.now, { sort: "name", direction: "asc" }) },
  { name: "users: by last seen", run: (db, s) => listUsers(db, s.now, { sort: "last_seen" }) },
  { name: "orders: first page, newest first", run: (db) => searchOrders(db, {}) },
  {
    name: "orders: page 5 (cursor)",
    run: async (db) => {
      let cursor: string | undefined;
      for (let k = 0; k < 5; k++) cursor = (await searchOrders(db, { cursor })).nextCursor ?? undefined;
    },
  },
  { name: "orders: paid", run: (db) => searchOrders(db, { status: "paid" }) },
  {
    name: "orders: pending RUB, last 30 days",
    run: (db, s) =>
      searchOrders(db, {
        status: "pending",
        currency: "RUB",
        from: new Date(s.now.getTime() - 30 * 86_400_000),
      }),
  },
  { name: "orders: flagged", run: (db) => searchOrders(db, { flagged: true }) },
  {
    name: "orders: one product, by amount",
    run: (db, s) => searchOrders(db, { productId: s.productIds[3], sort: "amount" }),
  },
  {
    name: "orders: one user",
    run: async (db, s) => {
      const [user] = (await listUsers(db, s.now, { search: "500000777" })).items;
      return searchOrders(db, { userId: user?.id });
    },
  },
  { name: "payments: refunded", run: (db) => listPayments(db, { status: "refunded" }) },
  {
    name: "subscriptions: ending within 7 days",
    run: (db, s) => listSubscriptions(db, s.now, { state: "ending" }),
  },
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

async function measure(
  db: Database,
  seed: AdminSeed,
  runs: number,
): Promise<Array<{ name: string; p50: number; p95: number }>> {
  const results = [];
  for (const scenario of scenarios) {
    for (let k = 0; k < 3; k++) await scenario.run(db, seed);
    const times: number[] = [];
    for (let k = 0; k < runs; k++) {
      const started = performance.now();
      await scenario.run(db, seed);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    results.push({ name: scenario.name, p50: percentile(times, 50), p95: percentile(times, 95) });
  }
  return results;
}

async function benchDriver(
  label: string,
  serverUrl: string,
  options: { users: number; orders: number; runs: number },
) {
  const database = await createTestDatabase(serverUrl);
  try {
    const started = performance.now();
    const seed = await seedAdminData(database.db, { users: options.users, orders: options.orders });
    console.log(
      `\n${label}: seeded ${seed.users} users and ${seed.orders} orders in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const results = await measure(database.db, seed, options.runs);
    console.log(`| ${label}: query | p50 ms | p95 ms |\n|---|---:|---:|`);
    for (const r of results) console.log(`| ${r.name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} |`);
  } finally {
    await database.close();
  }
}

const { values } = parseArgs({
  options: {
    users: { type: "string", default: process.env.BENCH_USERS ?? "100000" },
    orders: { type: "string", default: process.env.BENCH_ORDERS ?? "200000" },
    runs: { type: "string", default: process.env.BENCH_RUNS ?? "40" },
    only: { type: "string", default: process.env.BENCH_ONLY ?? "both" },
  },
});
const options = { users: Number(values.users), orders: Number(values.orders), runs: Number(values.runs) };
const postgresUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
console.log(
  `Lumen admin lists benchmark, ${new Date().toISOString()}\nNode ${process.version}, ${availableParallelism()} cores, ` +
    `${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${options.runs} timed runs per query after 3 warm-up runs`,
);
if (values.only !== "pglite") await benchDriver("PostgreSQL", postgresUrl, options);
if (values.only !== "postgres") await benchDriver("PGlite", "", options);
