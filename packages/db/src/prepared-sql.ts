import { is } from "drizzle-orm";
import { NodePgSession } from "drizzle-orm/node-postgres";
import { PgliteSession } from "drizzle-orm/pglite";
import type { Database } from "./database.ts";

/**
 * A statement of the few hottest paths (the AI question), written in SQL and run by name.
 * Everything else goes through Drizzle's query builder; these do not, because building the
 * query, an unnamed Parse and a fresh plan on every call were most of a question's cost
 * (issue 13). The name must be unique per text: PostgreSQL keeps it per connection.
 */
export type PreparedSql = { readonly name: string; readonly text: string };

export const definePreparedSql = (name: string, text: string): PreparedSql => ({ name, text });

type PgQueryable = {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
};
type PgliteQueryable = { query(text: string, params: unknown[]): Promise<{ rows: unknown[] }> };

/** The driver client under a Drizzle database or transaction (Drizzle keeps it private). */
const clientOf = (db: Database) => (db._.session as unknown as { client: unknown }).client;

/**
 * Runs a prepared statement on the connection `db` stands for (the pool, or the transaction's
 * own connection), so it takes part in the caller's transaction like any Drizzle query.
 * node-postgres: a named statement, parsed once per pooled connection and then only bound and
 * executed. PGlite runs in this process with no network between: the plain extended protocol.
 * Rows come back with the driver's own parsers (timestamps as Date, int8 as number on pg);
 * the statements here select only text, integers, booleans and JSON as text.
 */
export async function runPreparedSql<Row>(
  db: Database,
  statement: PreparedSql,
  values: unknown[],
): Promise<Row[]> {
  const session = db._.session;
  if (is(session, NodePgSession)) {
    const client = clientOf(db) as PgQueryable;
    return (await client.query({ name: statement.name, text: statement.text, values })).rows as Row[];
  }
  if (is(session, PgliteSession)) {
    const client = clientOf(db) as PgliteQueryable;
    return (await client.query(statement.text, values)).rows as Row[];
  }
  throw new Error(`runPreparedSql: no driver for ${statement.name}`);
}
