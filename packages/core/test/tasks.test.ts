import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Actor,
  cancelTask,
  claimTaskNotices,
  cliActor,
  completeTask,
  createAdmin,
  createTask,
  extendPlan,
  getAssistantStatistics,
  listTaskAllowances,
  postAssistantTaskMessage,
  postUserTaskMessage,
  rateTask,
  reopenTask,
  setTaskPlanQuota,
  takeTask,
  upsertTelegramUser,
} from "../src/index.ts";
import { createTestCore, queuedJobs } from "./support.ts";

let t: Awaited<ReturnType<typeof createTestCore>>;
let telegramId = 91_000;
let planSeq = 0;
const MINUTE = 60_000;

beforeAll(async () => {
  t = await createTestCore();
});
afterAll(() => t.database.close());

async function subscriber(tasksPerPeriod: number | null, priorityAllowed = false) {
  const user = await upsertTelegramUser(t.core, { telegramId: telegramId++, firstName: "Sub" });
  if (tasksPerPeriod === null) return user.id;
  const planCode = `concierge-${planSeq++}`;
  await setTaskPlanQuota(t.core, cliActor, { planCode, tasksPerPeriod, priorityAllowed });
  await extendPlan(t.core.db, t.clock.now(), {
    userId: user.id,
    planCode,
    title: "Concierge",
    periodDays: 30,
    messagesPerPeriod: 10,
    grantKey: `test:${user.id}`,
  });
  return user.id;
}

async function assistant(name: string): Promise<Actor> {
  const admin = await createAdmin(t.core, cliActor, {
    email: `${name}-${telegramId++}@example.com`,
    password: "long enough password",
    role: "assistant",
  });
  return { type: "admin", id: admin.id, role: "assistant" };
}

describe("task quota", () => {
  it("counts the quota once under concurrent creation", async () => {
    const userId = await subscriber(3);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => createTask(t.core, { userId, text: `Task ${i}` })),
    );
    const created = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected");
    expect(created).toHaveLength(3);
    expect(refused).toHaveLength(7);
    for (const r of refused) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({
        code: "FORBIDDEN",
        details: { reason: "TASK_QUOTA_EXHAUSTED" },
      });
    }
    const [usage] = await listTaskAllowances(t.core.db, userId, t.clock.now());
    expect(usage).toMatchObject({ tasksPerPeriod: 3, tasksLeft: 0 });
  });

  it("offers a plan to a user whose plans give no tasks", async () => {
    const userId = await subscriber(null);
    await expect(createTask(t.core, { userId, text: "Book a table" })).rejects.toMatchObject({
      details: { reason: "NO_TASK_PLAN" },
    });
  });

  it("creates one task per idempotency key and gives the quota back on cancel before it is taken", async () => {
    const userId = await subscriber(2);
    const [a, b] = await Promise.all([
      createTask(t.core, { userId, text: "Once", idempotencyKey: `k:${userId}` }),
      createTask(t.core, { userId, text: "Once", idempotencyKey: `k:${userId}` }),
    ]);
    expect(a.id).toBe(b.id);
    expect((await listTaskAllowances(t.core.db, userId, t.clock.now()))[0]?.tasksLeft).toBe(1);
    await cancelTask(t.core, { type: "user", userId }, a.id);
    expect((await listTaskAllowances(t.core.db, userId, t.clock.now()))[0]?.tasksLeft).toBe(2);
  });

  it("keeps each user's idempotency keys their own: the same key from another user is another task", async () => {
    const ann = await subscriber(2);
    const bob = await subscriber(2);
    const mine = await createTask(t.core, { userId: ann, text: "Ann's", idempotencyKey: "send-1" });
    const theirs = await createTask(t.core, { userId: bob, text: "Bob's", idempotencyKey: "send-1" });
    expect(theirs.id).not.toBe(mine.id);
    expect(theirs).toMatchObject({ userId: bob, text: "Bob's" });
    expect((await createTask(t.core, { userId: ann, text: "Ann's", idempotencyKey: "send-1" })).id).toBe(
      mine.id,
    );
  });

  it("refuses high priority when the plan does not allow it, naming the field", async () => {
    const userId = await subscriber(2, false);
    await expect(createTask(t.core, { userId, text: "Urgent", priority: "high" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      details: { field: "priority" },
    });
    expect((await listTaskAllowances(t.core.db, userId, t.clock.now()))[0]?.tasksLeft).toBe(2);
  });
});

describe("taking a task", () => {
  it("gives a task to exactly one of two assistants taking it at once", async () => {
    const userId = await subscriber(5);
    const task = await createTask(t.core, { userId, text: "Call the plumber" });
    const [anna, boris] = [await assistant("anna"), await assistant("boris")];
    const results = await Promise.allSettled([
      takeTask(t.core, anna, { taskId: task.id }),
      takeTask(t.core, boris, { taskId: task.id }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ details: { reason: "TASK_TAKEN" } });
    const events = await t.core.db.execute(
      sql`select count(*)::int as n from task_events where task_id = ${task.id} and kind = 'taken'`,
    );
    const rows = Array.isArray(events) ? events : (events as unknown as { rows: Array<{ n: number }> }).rows;
    expect(rows[0]).toMatchObject({ n: 1 });
  });

  it("lets only the task's assistant write to the subscriber", async () => {
    const userId = await subscriber(5);
    const task = await createTask(t.core, { userId, text: "Find a gift" });
    const [anna, boris] = [await assistant("anna"), await assistant("boris")];
    await takeTask(t.core, anna, { taskId: task.id });
    await expect(
      postAssistantTaskMessage(t.core, boris, { taskId: task.id, text: "Hi" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(cancelTask(t.core, { type: "user", userId }, task.id)).rejects.toMatchObject({
      details: { reason: "TASK_TAKEN" },
    });
  });
});

describe("task notices", () => {
  it("claims each reminder and alert once, however many sweeps run at once", async () => {
    const userId = await subscriber(5);
    const anna = await assistant("notice");
    const soon = await createTask(t.core, {
      userId,
      text: "Due soon",
      deadline: new Date(t.clock.now().getTime() + 30 * MINUTE),
    });
    const idle = await createTask(t.core, { userId, text: "Nobody takes me" });
    await takeTask(t.core, anna, { taskId: soon.id });
    const mine = (claimed: Awaited<ReturnType<typeof claimTaskNotices>>) =>
      claimed
        .filter((n) => n.taskId === soon.id || n.taskId === idle.id)
        .map((n) => `${n.taskId === soon.id ? "soon" : "idle"}:${n.kind}`)
        .sort();
    expect(mine(await claimTaskNotices(t.core))).toEqual(["soon:reminder"]);
    t.clock.advance(61 * MINUTE);
    const sweeps = await Promise.all(Array.from({ length: 5 }, () => claimTaskNotices(t.core)));
    expect(mine(sweeps.flat())).toEqual(["idle:untaken", "soon:overdue"]);
    expect(mine(await claimTaskNotices(t.core))).toEqual([]);
    const jobs = (await queuedJobs(t.core.db)).filter((j) => j.name === "tasks.send-notice");
    const claimedIds = new Set(jobs.map((j) => j.payload.noticeId));
    expect(claimedIds.size).toBe(jobs.length);
  });
});

describe("assistant statistics", () => {
  it("match a hand-computed fixture", async () => {
    const at = async (minute: number) => {
      const target = start.getTime() + minute * MINUTE;
      t.clock.advance(target - t.clock.now().getTime());
    };
    const start = t.clock.now();
    const userId = await subscriber(10);
    const [a, b] = [await assistant("stats-a"), await assistant("stats-b")];
    const t1 = await createTask(t.core, { userId, text: "T1" });
    const t2 = await createTask(t.core, { userId, text: "T2" });
    const t3 = await createTask(t.core, { userId, text: "T3" });
    const t4 = await createTask(t.core, {
      userId,
      text: "T4",
      deadline: new Date(start.getTime() + 90 * MINUTE),
    });
    await at(1);
    await takeTask(t.core, a, { taskId: t4.id });
    await at(5);
    await takeTask(t.core, a, { taskId: t2.id });
    await at(10);
    await takeTask(t.core, a, { taskId: t1.id });
    await at(15);
    await takeTask(t.core, b, { taskId: t3.id });
    await at(20);
    await postAssistantTaskMessage(t.core, a, { taskId: t1.id, text: "Which day?", ask: true });
    await at(30);
    await postUserTaskMessage(t.core, userId, { taskId: t1.id, text: "Friday" });
    await completeTask(t.core, b, { taskId: t3.id, result: "Done" });
    await at(31);
    await rateTask(t.core, userId, { taskId: t3.id, rating: 4 });
    await at(40);
    await postAssistantTaskMessage(t.core, a, { taskId: t2.id, text: "On it" });
    await at(60);
    await completeTask(t.core, a, { taskId: t1.id, result: "Booked" });
    await at(61);
    await rateTask(t.core, userId, { taskId: t1.id, rating: 5, comment: "Great" });
    await at(120);
    await completeTask(t.core, a, { taskId: t2.id, result: "Done" });
    await at(130);
    await reopenTask(t.core, userId, t2.id);
    await at(180);
    await completeTask(t.core, a, { taskId: t2.id, result: "Done, really" });
    await at(181);
    await rateTask(t.core, userId, { taskId: t2.id, rating: 3 });

    const period = {
      from: new Date(start.getTime() - 60 * MINUTE),
      to: new Date(start.getTime() + 24 * 60 * MINUTE),
    };
    const all = await getAssistantStatistics(t.core, cliActor, period);
    const ofA = all.find((s) => s.assistantId === a.id);
    const ofB = all.find((s) => s.assistantId === b.id);
    expect(ofA).toMatchObject({
      taken: 3,
      done: 3,
      firstResponseMedianSeconds: 1800,
      firstResponseP90Seconds: 2280,
      doneMedianSeconds: 7200,
      doneP90Seconds: 10080,
      averageRating: 4,
      ratings: 2,
      overdue: 1,
    });
    expect(ofA?.reopenRate).toBeCloseTo(1 / 3);
    expect(ofB).toMatchObject({
      taken: 1,
      done: 1,
      firstResponseMedianSeconds: 1800,
      doneMedianSeconds: 1800,
      doneP90Seconds: 1800,
      reopenRate: 0,
      averageRating: 4,
      ratings: 1,
      overdue: 0,
    });
    // An assistant sees only their own figures; a period without events is empty.
    expect((await getAssistantStatistics(t.core, b, period)).map((s) => s.assistantId)).toEqual([b.id]);
    const later = {
      from: new Date(start.getTime() + 48 * 60 * MINUTE),
      to: new Date(start.getTime() + 72 * 60 * MINUTE),
    };
    expect((await getAssistantStatistics(t.core, a, later)).length).toBe(0);
  });
});
