import pg from "pg";
import type { HttpClient } from "./http-client.ts";
import type { SeedMode } from "./options.ts";

/** Far more than any run can spend (a question costs 1), so no request is ever refused for credits. */
export const SEED_CREDITS = 1_000_000;
const TELEGRAM_ID_BASE = 7_000_000_000;

export type SeedResult = { userIds: string[]; mode: SeedMode; seconds: number };

/**
 * bench_users maps 1..N to the real user ids, so pgbench's `random(1, N)` lands on the same
 * users (and the same rows of credit_balances) as the HTTP load does.
 */
const createMapTable = "CREATE TABLE bench_users (n int PRIMARY KEY, user_id uuid NOT NULL UNIQUE)";

/** One transaction of set-based inserts; the ledger row per user keeps sum(delta) = balance. */
async function seedBySql(client: pg.Client, users: number): Promise<void> {
  await client.query("BEGIN");
  await client.query(
    `INSERT INTO users (telegram_id, first_name)
     SELECT $1::bigint + n, 'Bench user ' || n FROM generate_series(1, $2::int) AS n`,
    [TELEGRAM_ID_BASE, users],
  );
  await client.query(createMapTable);
  await client.query(
    "INSERT INTO bench_users (n, user_id) SELECT telegram_id - $1::bigint, id FROM users WHERE telegram_id > $1::bigint",
    [TELEGRAM_ID_BASE],
  );
  await client.query("INSERT INTO credit_balances (user_id, balance) SELECT user_id, $1 FROM bench_users", [
    SEED_CREDITS,
  ]);
  await client.query(
    `INSERT INTO credit_ledger (user_id, delta, reason, idempotency_key, balance_after, note)
     SELECT user_id, $1::int, 'admin_adjustment', 'admin:bench-seed-' || n, $1::int, 'benchmark seed' FROM bench_users`,
    [SEED_CREDITS],
  );
  await client.query("COMMIT");
}

/** Runs `task(0..count-1)` on `workers` concurrent loops. */
async function inParallel(count: number, workers: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const loop = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(workers, count) }, loop));
}

/** Through the public API, as an integration would: register, then an admin credit adjustment. */
async function seedByApi(client: pg.Client, http: HttpClient, users: number, workers: number) {
  const ids: string[] = new Array(users);
  await inParallel(users, workers, async (i) => {
    const user = await http.post("/api/v1/users", {
      telegram_id: TELEGRAM_ID_BASE + i + 1,
      first_name: `Bench user ${i + 1}`,
    });
    if (user.status !== 201) throw new Error(`register user ${i + 1}: ${user.status} ${user.body}`);
    const id = (JSON.parse(user.body) as { id: string }).id;
    const grant = await http.post(`/api/v1/users/${id}/credits/adjustments`, {
      amount: SEED_CREDITS,
      reason: "benchmark seed",
      idempotency_key: `bench-seed-${i + 1}`,
    });
    if (grant.status !== 201) throw new Error(`credit user ${i + 1}: ${grant.status} ${grant.body}`);
    ids[i] = id;
  });
  await client.query(createMapTable);
  await client.query(
    "INSERT INTO bench_users (n, user_id) SELECT n, id FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)",
    [ids],
  );
}

export async function seedUsers(options: {
  databaseUrl: string;
  users: number;
  mode: SeedMode;
  http: HttpClient | undefined;
  workers: number;
}): Promise<SeedResult> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    if (options.mode === "api") {
      if (!options.http) throw new Error("--seed api needs the server");
      await seedByApi(client, options.http, options.users, options.workers);
    } else {
      await seedBySql(client, options.users);
    }
    await client.query("ANALYZE");
    const { rows } = await client.query<{ user_id: string }>("SELECT user_id FROM bench_users ORDER BY n");
    return {
      userIds: rows.map((row) => row.user_id),
      mode: options.mode,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await client.end();
  }
}
