import { fileURLToPath } from "node:url";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import type { DatabaseHandle } from "./database.ts";

export const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));

/** Any constant works; it only has to be the same in every Lumen process. */
const MIGRATION_LOCK_KEY = 7_412_019_001;

/**
 * Applies the committed SQL migrations. On PostgreSQL several processes may start at
 * once (api + workers), so they queue on an advisory lock instead of racing.
 */
export async function migrateDatabase(
  handle: DatabaseHandle,
  /** Tests only: another folder (the committed one cut short, to migrate up to a point). */
  folder: string = migrationsFolder,
): Promise<void> {
  if (handle.driver === "pglite") {
    // biome-ignore lint/suspicious/noExplicitAny: drizzle's migrator wants its concrete driver type
    await migratePglite(handle.db as any, { migrationsFolder: folder });
    return;
  }
  // The lock belongs to a session, so it is taken on a client of its own, not on the pool.
  const lock = new pg.Client({ connectionString: handle.connectionString });
  await lock.connect();
  try {
    await lock.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    // biome-ignore lint/suspicious/noExplicitAny: drizzle's migrator wants its concrete driver type
    await migratePg(handle.db as any, { migrationsFolder: folder });
  } finally {
    await lock.end();
  }
}
