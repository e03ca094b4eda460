import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import type { Database, DatabaseHandle } from "./database.ts";
import * as schema from "./schema/index.ts";

export type OpenDatabaseOptions =
  | { driver: "postgres"; url: string; poolSize?: number }
  /** dataDir undefined = in memory (tests). */
  | { driver: "pglite"; dataDir?: string };

// PostgreSQL's bigint (int8) arrives as a string by default; our bigints are Telegram ids,
// which fit in a double exactly, so parse them as numbers once for the whole process.
pg.types.setTypeParser(20, (value) => Number(value));

/** Opens the database Lumen runs on: a pg pool for a server URL, PGlite otherwise. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.driver === "postgres") {
    // JIT off for Lumen's connections (an `options` in the URL still wins): it compiles any query
    // whose estimate passes a fixed cost, which the admin lists and the dashboard's reads pass,
    // and spends 20-100 ms compiling queries that run in 10-100 ms (`npm run bench:admin`).
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      options: "-c jit=off",
    });
    pool.on("error", () => {
      // An idle client lost its connection; the pool replaces it. Without a listener Node would crash.
    });
    const db = drizzlePg(pool, { schema }) as unknown as Database;
    await pool.query("select 1");
    return {
      db,
      driver: "postgres",
      connectionString: options.url,
      query: async (text, params) => (await pool.query(text, params)).rows,
      close: () => pool.end(),
    };
  }
  // pg_trgm backs the users list's substring search (migration 0017 creates it); PGlite ships it
  // as a bundled extension that must be loaded when the database opens.
  const extensions = { pg_trgm };
  const pglite = options.dataDir
    ? await PGlite.create(options.dataDir, { extensions })
    : await PGlite.create({ extensions });
  const db = drizzlePglite(pglite, { schema }) as unknown as Database;
  return {
    db,
    driver: "pglite",
    pglite,
    query: async <T>(text: string, params?: unknown[]) => (await pglite.query<T>(text, params)).rows,
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}
