import type { PgBoss } from "pg-boss";
import type { JobDefinition } from "../../src/jobs/job-runner.ts";

/**
 * Runs what is queued for these jobs now, as a worker would (a handler that throws fails its
 * job, which pg-boss retries later), and returns how many ran. Tests stay deterministic: no
 * worker polls in the background.
 */
export async function runQueuedJobs(boss: PgBoss, jobs: JobDefinition[]): Promise<number> {
  let ran = 0;
  for (const job of jobs) {
    for (const next of await boss.fetch<Record<string, unknown>>(job.name, { batchSize: 100 })) {
      ran++;
      try {
        await job.handler(next.data);
        await boss.complete(job.name, next.id);
      } catch (error) {
        await boss.fail(job.name, next.id, { message: String(error) });
      }
    }
  }
  return ran;
}

/** Makes the failed jobs of a queue that wait for their retry due now (instead of after the backoff). */
export async function makeRetriesDue(boss: PgBoss, name: string): Promise<number> {
  const waiting = (await boss.findJobs(name, {})).filter((job) => job.state === "retry");
  for (const job of waiting) await boss.update(name, undefined, { id: job.id, startAfter: new Date() });
  return waiting.length;
}
