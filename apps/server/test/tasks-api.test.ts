import {
  cliActor,
  createAdmin,
  createApiKey,
  extendPlan,
  setTaskPlanQuota,
  upsertTelegramUser,
} from "@lumen/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./support/test-app.ts";

/** /api/v1/tasks and /api/v1/assistant-statistics: roles, claims, idempotent writes, 400 naming the field. */
let t: TestApp;
let ownerKey: string;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
let userId: string;

async function signIn(name: string) {
  const password = "assistant password 1";
  const admin = await createAdmin(t.core, cliActor, {
    email: `${name}@example.com`,
    password,
    role: "assistant",
  });
  ids[name] = admin.id;
  const res = await t.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { email: `${name}@example.com`, password },
  });
  cookies[name] = `lumen_session=${res.cookies.find((c) => c.name === "lumen_session")?.value}`;
}

const as = (who: string, method: "GET" | "POST", url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: { cookie: cookies[who] as string, origin: "http://localhost" },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const owner = (method: "GET" | "POST" | "PUT", url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: { "x-auth-key": ownerKey },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

beforeAll(async () => {
  t = await createTestApp();
  ownerKey = (await createApiKey(t.core, cliActor, { name: "owner", role: "owner" })).key;
  await signIn("ada");
  await signIn("bob");
  userId = (await upsertTelegramUser(t.core, { telegramId: 77_001, firstName: "Sub" })).id;
  await setTaskPlanQuota(t.core, cliActor, { planCode: "concierge", tasksPerPeriod: 5 });
  await extendPlan(t.core.db, new Date(), {
    userId,
    planCode: "concierge",
    title: "Concierge",
    periodDays: 30,
    messagesPerPeriod: 10,
    grantKey: "api-test",
  });
});
afterAll(() => t?.close());

describe("the tasks API", () => {
  it("creates a task on a user's behalf once per idempotency key, and names the bad field", async () => {
    const body = { user_id: userId, text: "Buy flowers", idempotency_key: "flowers-1" };
    const first = await owner("POST", "/api/v1/tasks", body);
    expect(first.statusCode).toBe(201);
    const again = await owner("POST", "/api/v1/tasks", body);
    expect(again.json().id).toBe(first.json().id);
    expect(first.json()).toMatchObject({ status: "new", plan_code: "concierge", user_name: "Sub" });
    ids.flowers = first.json().id;

    const bad = await owner("POST", "/api/v1/tasks", { user_id: userId, text: "x", deadline: "tomorrow" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toContain("deadline");
    const past = await owner("POST", "/api/v1/tasks", {
      user_id: userId,
      text: "x",
      deadline: "2020-01-01T00:00:00Z",
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.field).toBe("deadline");
    expect((await as("ada", "POST", "/api/v1/tasks", body)).statusCode).toBe(403);
  });

  it("lets one assistant take a task; the other gets a 409; messages and done are idempotent", async () => {
    const id = ids.flowers as string;
    const [a, b] = await Promise.all([
      as("ada", "POST", `/api/v1/tasks/${id}/take`, {}),
      as("bob", "POST", `/api/v1/tasks/${id}/take`, {}),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? "ada" : "bob";
    const loser = winner === "ada" ? "bob" : "ada";

    const message = { text: "Roses or tulips?", ask: true, idempotency_key: "q1" };
    const m1 = await as(winner, "POST", `/api/v1/tasks/${id}/messages`, message);
    const m2 = await as(winner, "POST", `/api/v1/tasks/${id}/messages`, message);
    expect(m1.statusCode).toBe(201);
    expect(m2.json().id).toBe(m1.json().id);
    expect((await as(loser, "POST", `/api/v1/tasks/${id}/messages`, { text: "Hi" })).statusCode).toBe(403);
    expect((await as(winner, "POST", `/api/v1/tasks/${id}/messages`, { text: "" })).json().error.field).toBe(
      "body.text",
    );

    const done = await as(winner, "POST", `/api/v1/tasks/${id}/done`, { result: "Tulips delivered" });
    expect(done.json()).toMatchObject({ status: "done", result: "Tulips delivered" });
    expect(
      (await as(winner, "POST", `/api/v1/tasks/${id}/done`, { result: "Tulips delivered" })).statusCode,
    ).toBe(200);

    const detail = (await as(winner, "GET", `/api/v1/tasks/${id}`)).json();
    expect(detail.messages.map((m: { text: string }) => m.text)).toEqual(["Roses or tulips?"]);
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual([
      "created",
      "taken",
      "waiting",
      "done",
    ]);

    // Another assistant's task is not on the loser's board, even asked for by name, nor open to them.
    const board = (await as(loser, "GET", `/api/v1/tasks?status=done&assignee_id=${ids[winner]}`)).json();
    expect(board.items).toEqual([]);
    expect((await as(loser, "GET", `/api/v1/tasks/${id}`)).statusCode).toBe(403);
    const ownersBoard = (await owner("GET", `/api/v1/tasks?status=done&assignee_id=${ids[winner]}`)).json();
    expect(ownersBoard.items.map((i: { id: string }) => i.id)).toContain(id);

    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const mine = (await as(winner, "GET", `/api/v1/assistant-statistics?from=${from}&to=${to}`)).json();
    expect(mine.items).toMatchObject([{ assistant_id: ids[winner], taken: 1, done: 1 }]);
    const badRange = await as(winner, "GET", `/api/v1/assistant-statistics?from=${to}&to=${from}`);
    expect(badRange.statusCode).toBe(400);
    expect(badRange.json().error.field).toContain("to");
  });

  it("shows an assistant the tasks nobody took and their own, and the owner all of them", async () => {
    const free = (await owner("POST", "/api/v1/tasks", { user_id: userId, text: "Free task" })).json();
    const adas = (await owner("POST", "/api/v1/tasks", { user_id: userId, text: "Ada's task" })).json();
    const bobs = (await owner("POST", "/api/v1/tasks", { user_id: userId, text: "Bob's task" })).json();
    expect((await as("ada", "POST", `/api/v1/tasks/${adas.id}/take`, {})).statusCode).toBe(200);
    expect((await as("bob", "POST", `/api/v1/tasks/${bobs.id}/take`, {})).statusCode).toBe(200);
    const idsOf = (res: { json(): { items: Array<{ id: string }> } }) => res.json().items.map((i) => i.id);

    const adaSees = idsOf(await as("ada", "GET", "/api/v1/tasks?status=new,in_progress"));
    expect(adaSees).toEqual(expect.arrayContaining([free.id, adas.id]));
    expect(adaSees).not.toContain(bobs.id);
    expect(idsOf(await as("bob", "GET", "/api/v1/tasks?status=in_progress"))).toEqual([bobs.id]);
    expect(await as("ada", "GET", `/api/v1/tasks?assignee_id=${ids.bob}`).then(idsOf)).toEqual([]);
    expect((await as("ada", "GET", `/api/v1/tasks/${bobs.id}`)).statusCode).toBe(403);
    expect((await as("ada", "GET", `/api/v1/tasks/${free.id}`)).statusCode).toBe(200);

    const everything = idsOf(await owner("GET", "/api/v1/tasks?status=new,in_progress"));
    expect(everything).toEqual(expect.arrayContaining([free.id, adas.id, bobs.id]));
    expect(idsOf(await owner("GET", `/api/v1/tasks?assignee_id=${ids.bob}&status=in_progress`))).toEqual([
      bobs.id,
    ]);
    for (const task of [free, adas, bobs]) await owner("POST", `/api/v1/tasks/${task.id}/cancel`);
  });

  it("lets operators cancel and reassign, but not assistants", async () => {
    const created = (await owner("POST", "/api/v1/tasks", { user_id: userId, text: "Call the bank" })).json();
    expect((await as("ada", "POST", `/api/v1/tasks/${created.id}/cancel`)).statusCode).toBe(403);
    const given = await owner("POST", `/api/v1/tasks/${created.id}/reassign`, { assignee_id: ids.bob });
    expect(given.json()).toMatchObject({ status: "in_progress", assignee_id: ids.bob });
    const cancelled = await owner("POST", `/api/v1/tasks/${created.id}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: "cancelled" });
    expect((await owner("POST", `/api/v1/tasks/${created.id}/cancel`)).statusCode).toBe(200);
  });

  it("sets what a plan gives in tasks (admin)", async () => {
    const set = await owner("PUT", "/api/v1/task-plans/vip", {
      tasks_per_period: 20,
      priority_allowed: true,
    });
    expect(set.json().items).toContainEqual(
      expect.objectContaining({ plan_code: "vip", tasks_per_period: 20 }),
    );
    expect((await as("ada", "GET", "/api/v1/task-plans")).statusCode).toBe(403);
  });
});
