import { cliActor, createAdmin, logIn, SESSION_RETENTION_MS } from "@lumen/core";
import { adminSessions } from "@lumen/db";
import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createMetrics } from "../src/http/metrics.ts";
import { type JobRunner, startJobRunner } from "../src/jobs/job-runner.ts";
import { createJobOutbox } from "../src/jobs/outbox.ts";
import { pruneSessionsJob } from "../src/jobs/prune-sessions.ts";

let database: TestDatabase;
let runner: JobRunner;
const metrics = createMetrics();

beforeAll(async () => {
  database = await createTestDatabase();
  const core = { db: database.db, clock: { now: () => new Date() }, outbox: createJobOutbox() };
  runner = await startJobRunner({
    database,
    logger: pino({ level: "silent" }),
    metrics,
    jobs: [pruneSessionsJob(core)],
    work: true,
  });
});
afterAll(async () => {
  await runner.stop();
  await database.close();
});

describe("jobs on pg-boss", () => {
  it("schedules session pruning and runs it on demand, deleting only long-ended sessions", async () => {
    const schedules = await runner.boss.getSchedules();
    expect(schedules.map((s) => [s.name, s.cron])).toEqual([["prune-sessions", "17 * * * *"]]);

    const longAgo = new Date(Date.now() - SESSION_RETENTION_MS - 24 * 3_600_000);
    const core = { db: database.db, clock: { now: () => longAgo }, outbox: createJobOutbox() };
    await createAdmin(core, cliActor, { email: "jobs@example.com", password: "a long password" });
    const old = await logIn(core, { email: "jobs@example.com", password: "a long password" });
    const current = await logIn(
      { ...core, clock: { now: () => new Date() } },
      { email: "jobs@example.com", password: "a long password" },
    );

    await runner.boss.send("prune-sessions", {});
    await vi.waitFor(
      async () => {
        const left = await database.db.select({ id: adminSessions.id }).from(adminSessions);
        expect(left.map((s) => s.id)).toEqual([current.session.id]);
      },
      { timeout: 20_000, interval: 200 },
    );
    expect(old.session.id).not.toBe(current.session.id);
    expect(await metrics.registry.getSingleMetricAsString("lumen_jobs_completed_total")).toContain(
      'job="prune-sessions",outcome="ok"',
    );
  });
});
