import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../src/database.ts";
import { migrateDatabase, migrationsFolder } from "../src/migrate-database.ts";
import { openDatabase } from "../src/open-database.ts";
import { createPostgresTestDatabase } from "../src/test-database.ts";

const BACKFILL = "0020_backfill_plan_periods";

/** The committed migrations up to (not including) `tag`, in a folder of their own. */
function migrationsBefore(tag: string): { folder: string; remove(): void } {
  const folder = mkdtempSync(join(tmpdir(), "lumen-migrations-"));
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: Array<{ tag: string }> };
  const index = journal.entries.findIndex((entry) => entry.tag === tag);
  if (index < 0) throw new Error(`no migration ${tag}`);
  journal.entries = journal.entries.slice(0, index);
  writeFileSync(journalPath, JSON.stringify(journal));
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

let database: DatabaseHandle;
let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const created = await createPostgresTestDatabase(serverUrl);
    dropDatabase = created.drop;
    database = await openDatabase({ driver: "postgres", url: created.url, poolSize: 2 });
  } else {
    database = await openDatabase({ driver: "pglite" });
  }
});
afterAll(async () => {
  await database?.close();
  await dropDatabase?.();
});

describe("migration 0020: periods for plans bought before periods existed", () => {
  it("gives each such plan one period covering its time, and leaves plans with periods alone", async () => {
    const before = migrationsBefore(BACKFILL);
    try {
      await migrateDatabase(database, before.folder);
    } finally {
      before.remove();
    }
    const [user] = await database.query<{ id: string }>(
      "insert into users (telegram_id, first_name) values (4242, 'Old') returning id",
    );
    const plan = (code: string, starts: string, ends: string) =>
      database.query<{ id: string }>(
        `insert into subscriptions (user_id, plan_code, title, status, starts_at, ends_at, period_days, fair_use_cap)
         values ($1, $2, $2, 'active', $3, $4, 30, 1000) returning id`,
        [user?.id, code, starts, ends],
      );
    const [old] = await plan("old", "2026-01-01T00:00:00Z", "2026-03-02T00:00:00Z");
    const [recent] = await plan("recent", "2026-02-01T00:00:00Z", "2026-03-03T00:00:00Z");
    await database.query(
      `insert into subscription_periods (subscription_id, grant_key, starts_at, ends_at)
       values ($1, 'payment:recent', '2026-02-01T00:00:00Z', '2026-03-03T00:00:00Z')`,
      [recent?.id],
    );

    await migrateDatabase(database);

    const periods = await database.query<{
      subscription_id: string;
      grant_key: string;
      order_id: string | null;
      starts_at: Date | string;
      ends_at: Date | string;
      revoked_at: Date | null;
    }>(
      "select subscription_id, grant_key, order_id, starts_at, ends_at, revoked_at from subscription_periods order by grant_key",
    );
    const iso = (value: Date | string) => new Date(value).toISOString();
    expect(periods.map((p) => ({ ...p, starts_at: iso(p.starts_at), ends_at: iso(p.ends_at) }))).toEqual([
      {
        subscription_id: old?.id,
        grant_key: `backfill:${old?.id}`,
        order_id: null,
        starts_at: "2026-01-01T00:00:00.000Z",
        ends_at: "2026-03-02T00:00:00.000Z",
        revoked_at: null,
      },
      {
        subscription_id: recent?.id,
        grant_key: "payment:recent",
        order_id: null,
        starts_at: "2026-02-01T00:00:00.000Z",
        ends_at: "2026-03-03T00:00:00.000Z",
        revoked_at: null,
      },
    ]);
  });
});
