import type { Database } from "@lumen/db";
import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import { sql } from "drizzle-orm";
import type { Clock, CoreContext, Outbox } from "../src/index.ts";

/** A clock tests move by hand, so expiry is tested without waiting. */
export function createManualClock(
  start = new Date("2026-01-15T10:00:00Z"),
): Clock & { advance(ms: number): void } {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms) {
      now += ms;
    },
  };
}

export async function createTestCore(): Promise<{
  database: TestDatabase;
  core: CoreContext;
  clock: ReturnType<typeof createManualClock>;
}> {
  const database = await createTestDatabase();
  const clock = createManualClock();
  return { database, core: { db: database.db, clock, outbox: await createTableOutbox(database.db) }, clock };
}

/**
 * The outbox port for core tests, without pg-boss (the server's tests use the real one): each
 * job is a row written on the connection it is given, so it commits or rolls back with the
 * caller's transaction, unique by name and key like the real queue.
 */
export async function createTableOutbox(db: Database): Promise<Outbox> {
  await db.execute(
    sql`create table if not exists test_outbox (name text not null, key text not null, payload jsonb not null, primary key (name, key))`,
  );
  return {
    async send(on, job) {
      await on.execute(
        sql`insert into test_outbox (name, key, payload) values (${job.name}, ${job.key}, ${JSON.stringify(job.payload)}::jsonb) on conflict do nothing`,
      );
    },
  };
}

/** The jobs a core test's outbox holds, oldest first. */
export async function queuedJobs(
  db: Database,
): Promise<Array<{ name: string; key: string; payload: Record<string, unknown> }>> {
  const result = await db.execute(sql`select name, key, payload from test_outbox order by ctid`);
  return (
    result as unknown as { rows: Array<{ name: string; key: string; payload: Record<string, unknown> }> }
  ).rows;
}
