import type { Database } from "@lumen/db";
import { type JobName, type JobPayload, jobCatalog, parseJobPayload } from "./job-catalog.ts";

export type QueuedJob = {
  name: JobName;
  payload: Record<string, unknown>;
  key: string;
  startAfterSeconds?: number;
};

/**
 * Where follow-up work goes: the server implements it with pg-boss, sending on the connection
 * it is given. Given a transaction, the job is written by that transaction, so it exists if
 * and only if the transaction commits (a transactional outbox); a job with the same name and
 * key as one already queued is not queued again.
 */
export type Outbox = { send(db: Database, job: QueuedJob): Promise<void> };

/**
 * Queues a job of the catalog on `db` (the caller's transaction when the job follows a change
 * made there). The payload is checked against the job's schema and the key comes from the
 * catalog, so every sender of a job names it the same way.
 */
export async function queueJob<N extends JobName>(
  ctx: { outbox: Outbox },
  db: Database,
  name: N,
  payload: JobPayload<N>,
  options: { startAfterSeconds?: number } = {},
): Promise<void> {
  const parsed = parseJobPayload(name, payload);
  const key = (jobCatalog[name].key as (p: JobPayload<N>) => string)(parsed);
  await ctx.outbox.send(db, { name, payload: parsed as Record<string, unknown>, key, ...options });
}
