import { createHash } from "node:crypto";
import { LumenError, type Outbox } from "@lumen/core";
import { sql } from "drizzle-orm";
import { type DrizzleTransactionLike, fromDrizzle, type PgBoss } from "pg-boss";

export type JobOutbox = Outbox & { attach(boss: PgBoss): void };

/**
 * A job's id from its name and key (a UUID-shaped hash): pg-boss inserts a job whose id already
 * exists as nothing, so the same job sent twice is queued once, on any queue policy.
 */
export function jobId(name: string, key: string): string {
  const hex = createHash("sha256").update(`${name}\n${key}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The outbox on pg-boss: `send` writes the job through the connection it is given (pg-boss's
 * `db` option over the Drizzle transaction, either driver), so the job commits or rolls back
 * with the change it follows. The queue is attached when the job runner starts; before that
 * (one-shot commands) a send fails, and so does the transaction that needed it.
 */
export function createJobOutbox(): JobOutbox {
  let boss: PgBoss | undefined;
  return {
    attach(started) {
      boss = started;
    },
    async send(db, job) {
      if (!boss) throw new LumenError("SERVICE_UNAVAILABLE", "The job queue is not running");
      await boss.send(job.name, job.payload, {
        id: jobId(job.name, job.key),
        singletonKey: job.key,
        retryLimit: 5,
        retryDelay: 10,
        retryBackoff: true,
        ...(job.startAfterSeconds ? { startAfter: job.startAfterSeconds } : {}),
        db: fromDrizzle(db as unknown as DrizzleTransactionLike, sql),
      });
    },
  };
}
