import { type CoreContext, type JobName, type JobPayload, jobNames, queueJob } from "@lumen/core";
import type { DatabaseHandle } from "@lumen/db";
import { fromPglite, PgBoss } from "pg-boss";
import type { Logger } from "pino";
import type { Metrics } from "../http/metrics.ts";
import type { JobOutbox } from "./outbox.ts";

/** A job is its name, an optional cron schedule and an idempotent handler that throws to retry. */
export type JobDefinition = {
  name: string;
  cron?: string;
  // biome-ignore lint/suspicious/noExplicitAny: each job validates its own payload
  handler: (data: any) => Promise<Record<string, unknown> | undefined>;
};

/**
 * How a transport asks for background work that follows no change of its own (a mock payment,
 * a webhook finished later): a job of the catalog, sent through the outbox on its own.
 * Work that follows a change is queued by the verb, on the change's transaction.
 */
export type EnqueueJob = <N extends JobName>(
  name: N,
  payload: JobPayload<N>,
  options?: { startAfterSeconds?: number },
) => Promise<void>;

export const createEnqueue =
  (core: CoreContext): EnqueueJob =>
  (name, payload, options) =>
    queueJob(core, core.db, name, payload, options);

export type JobRunner = { stop(): Promise<void>; boss: PgBoss };

/**
 * pg-boss on the same database as everything else (PGlite through its adapter). With
 * `work: false` (the api role) jobs can be sent but are processed by the worker processes.
 */
export async function startJobRunner(options: {
  database: DatabaseHandle;
  logger: Logger;
  metrics: Metrics;
  jobs: JobDefinition[];
  work: boolean;
  /** Attached once the queues exist: from then on verbs can queue follow-up work. */
  outbox?: JobOutbox;
}): Promise<JobRunner> {
  const log = options.logger.child({ component: "jobs" });
  const boss =
    options.database.driver === "pglite" && options.database.pglite
      ? new PgBoss({
          db: fromPglite(options.database.pglite),
          backend: "pglite",
          schedule: options.work,
          supervise: options.work,
        })
      : new PgBoss({
          connectionString: options.database.connectionString,
          max: 4,
          schedule: options.work,
          supervise: options.work,
        });
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  await boss.start();
  for (const name of jobNames) await boss.createQueue(name);
  for (const name of jobNames) {
    // Loads each queue into pg-boss's cache now: a send inside a transaction must not have to
    // look the queue up on another connection (PGlite has one, held by that transaction).
    await boss.findJobs(name, { id: "00000000-0000-0000-0000-000000000000" });
  }
  options.outbox?.attach(boss);
  for (const job of options.jobs) {
    await boss.createQueue(job.name);
    if (!options.work) continue;
    if (job.cron) await boss.schedule(job.name, job.cron);
    await boss.work<Record<string, unknown>>(job.name, async ([next]) => {
      try {
        const result = await job.handler(next?.data ?? {});
        options.metrics.jobsCompleted.inc({ job: job.name, outcome: "ok" });
        log.info({ job: job.name, ...result }, "job done");
      } catch (error) {
        options.metrics.jobsCompleted.inc({ job: job.name, outcome: "failed" });
        log.error({ job: job.name, err: error }, "job failed; pg-boss will retry");
        throw error;
      }
    });
  }
  return {
    boss,
    async stop() {
      // Waits for running handlers; the database itself is closed by its owner afterwards.
      await boss.stop({ graceful: true, close: options.database.driver !== "pglite", timeout: 8000 });
    },
  };
}
