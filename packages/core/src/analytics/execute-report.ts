import type { Database } from "@lumen/db";
import { type SQL, sql } from "drizzle-orm";

/**
 * Runs one report query without PostgreSQL's parallel workers, for its own transaction only
 * (`set_config(…, true)`). Each worker rebuilds the hashed sub-plans and hash joins these
 * aggregate reads are made of (active users over 90 days: 70 ms in one process, 123 ms with two
 * workers; renewals 57 against 95 ms), and a dashboard already runs its reads at once on several
 * pooled connections, so the cores are busy without them. JIT is off too, as on every connection
 * `openDatabase` makes, for a URL that turned it back on. Measured with
 * `npm run bench:admin-dashboard` (docs/benchmarks.md). PGlite has neither feature; the settings
 * are accepted there and change nothing.
 */
export function executeReport(db: Database, query: SQL): Promise<unknown> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`,
    );
    return tx.execute(query);
  });
}
