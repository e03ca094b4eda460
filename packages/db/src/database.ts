import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema/index.ts";

export type Schema = typeof schema;

/** Drizzle over either driver: verbs never know which one they run on. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseDriver = "pglite" | "postgres";

export type DatabaseHandle = {
  db: Database;
  driver: DatabaseDriver;
  /** Runs one parameterised statement; for pg-boss and health checks, not for business code. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** The embedded instance when driver is pglite (pg-boss adapts it). */
  pglite?: import("@electric-sql/pglite").PGlite;
  connectionString?: string;
  close(): Promise<void>;
};
