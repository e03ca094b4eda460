import { randomBytes } from "node:crypto";
import pg from "pg";
import type { DatabaseHandle } from "./database.ts";
import { migrateDatabase } from "./migrate-database.ts";
import { openDatabase } from "./open-database.ts";

export type TestDatabase = DatabaseHandle & {
  /** For child processes: a postgres URL, or undefined for PGlite (they get their own DATA_DIR). */
  url: string | undefined;
};

/** Makes a fresh postgres database name on the TEST_DATABASE_URL server and returns its URL. */
export async function createPostgresTestDatabase(
  serverUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `lumen_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/**
 * A migrated database of its own for one test suite: an in-memory PGlite, or a fresh
 * database on the server TEST_DATABASE_URL points at. Nothing is shared between suites.
 */
export async function createTestDatabase(serverUrl = process.env.TEST_DATABASE_URL): Promise<TestDatabase> {
  if (!serverUrl) {
    const handle = await openDatabase({ driver: "pglite" });
    await migrateDatabase(handle);
    return { ...handle, url: undefined };
  }
  const created = await createPostgresTestDatabase(serverUrl);
  const handle = await openDatabase({ driver: "postgres", url: created.url, poolSize: 20 });
  await migrateDatabase(handle);
  return {
    ...handle,
    url: created.url,
    async close() {
      await handle.close();
      await created.drop();
    },
  };
}
