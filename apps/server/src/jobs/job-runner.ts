import type { DatabaseHandle } from "@lumen/db";
import { fromPglite, PgBoss } from "pg-boss";
import type { Logger } from "pino";
import type { Metrics } from "../http/metrics.ts";

/** A job is its name, an optional cron schedule and an idempotent handler that throws to retry. */
export type JobDefinition = {
  name: string;
  cron?: string;
  // biome-ignore lint/suspicious/noExplicitAny: each job validates its own payload
  handler: (data: any) => Promise<Record<string, unknown> | undefined>;
};

/** How the rest of the server asks for background work; a key makes a send happen at most once. */
export type EnqueueJob = (
  name: string,
  data: Record<string, unknown>,
  options?: { singletonKey?: string; startAfter?: number },
) => Promise<void>;

export type JobRunner = { stop(): Promise<void>; boss: PgBoss; enqueue: EnqueueJob };

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
    async enqueue(name, data, enqueueOptions) {
      await boss.send(name, data, { retryLimit: 5, retryDelay: 10, retryBackoff: true, ...enqueueOptions });
    },
    async stop() {
      // Waits for running handlers; the database itself is closed by its owner afterwards.
      await boss.stop({ graceful: true, close: options.database.driver !== "pglite", timeout: 8000 });
    },
  };
}
