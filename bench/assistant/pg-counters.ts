import pg from "pg";

/** What PostgreSQL did, from its cumulative statistics; compare two snapshots. */
export type PgCounters = {
  commits: number;
  rollbacks: number;
  rowsFetched: number;
  rowsInserted: number;
  rowsUpdated: number;
  walRecords: number;
  walBytes: number;
  /** WAL flushes to disk: commits that shared one fsync (group commit) count once. */
  walSyncs: number;
};

/**
 * Statistics reach the shared counters when a backend goes idle (at most once a second) or
 * exits, so snapshots are taken after the connections that did the work have closed: then
 * the difference is exact. pg_stat_wal is server-wide; nothing else should run meanwhile.
 */
export async function readPgCounters(databaseUrl: string): Promise<PgCounters> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_stat_clear_snapshot()");
    const { rows } = await client.query<Record<keyof PgCounters, string>>(
      `SELECT d.xact_commit AS "commits", d.xact_rollback AS "rollbacks", d.tup_fetched AS "rowsFetched",
              d.tup_inserted AS "rowsInserted", d.tup_updated AS "rowsUpdated",
              w.wal_records AS "walRecords", w.wal_bytes AS "walBytes", w.wal_sync AS "walSyncs"
         FROM pg_stat_database d, pg_stat_wal w
        WHERE d.datname = current_database()`,
    );
    const row = rows[0];
    if (!row) throw new Error("no pg_stat_database row for the bench database");
    return {
      commits: Number(row.commits),
      rollbacks: Number(row.rollbacks),
      rowsFetched: Number(row.rowsFetched),
      rowsInserted: Number(row.rowsInserted),
      rowsUpdated: Number(row.rowsUpdated),
      walRecords: Number(row.walRecords),
      walBytes: Number(row.walBytes),
      walSyncs: Number(row.walSyncs),
    };
  } finally {
    await client.end();
  }
}

/** (after - before) / units, per counter: e.g. per answered question, per pgbench transaction. */
export function perUnit(before: PgCounters, after: PgCounters, units: number): PgCounters {
  const out = {} as PgCounters;
  for (const key of Object.keys(before) as Array<keyof PgCounters>) {
    out[key] = units > 0 ? (after[key] - before[key]) / units : Number.NaN;
  }
  return out;
}

/**
 * After the run: every balance must still equal the sum of its ledger rows, and no question
 * may be left pending. A fast benchmark of a wrong ledger would be worth nothing.
 */
export async function checkLedger(databaseUrl: string): Promise<{ mismatched: number; pending: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ mismatched: string; pending: string }>(
      `SELECT (SELECT count(*) FROM credit_balances b
                WHERE b.balance <> (SELECT coalesce(sum(l.delta), 0) FROM credit_ledger l WHERE l.user_id = b.user_id)
              ) AS mismatched,
              (SELECT count(*) FROM messages_log WHERE status = 'pending') AS pending`,
    );
    return { mismatched: Number(rows[0]?.mismatched), pending: Number(rows[0]?.pending) };
  } finally {
    await client.end();
  }
}
