import {
  type Actor,
  cliActor,
  completeTask,
  createAdmin,
  extendPlan,
  postAssistantTaskMessage,
  setTaskPlanQuota,
  takeTask,
  upsertTelegramUser,
} from "@lumen/core";
import type { BotHandle, TelegramEmulator } from "@lumen/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { say } from "./support/bot-journey.ts";
import { createBotTestApp } from "./support/bot-test-app.ts";
import type { TestApp } from "./support/test-app.ts";

/**
 * The subscriber's tasks in the Mini App: list, create, read the conversation, write, cancel,
 * rate, through the launch data and the same verbs as the bot's /task and /tasks.
 */
let tg: TelegramEmulator;
let bot: BotHandle;
let t: TestApp;
let botId: string;
let anna: Actor;
let seq = 0;

beforeAll(async () => {
  ({ tg, bot, t, botId } = await createBotTestApp({ username: "app_tasks_bot", firstName: "Tasks" }));
  const admin = await createAdmin(t.core, cliActor, {
    email: "anna-app@example.com",
    password: "long enough password",
    role: "assistant",
  });
  anna = { type: "admin", id: admin.id, role: "assistant" };
});
afterAll(async () => {
  await t?.close();
  await tg?.close();
});

type Buyer = ReturnType<TelegramEmulator["createUser"]>;
const call = (buyer: Buyer, method: "GET" | "POST", path: string, payload?: object) =>
  t.app.inject({
    method,
    url: `/api/v1/app/${botId}${path}`,
    headers: { "x-telegram-init-data": tg.launchMiniApp(bot, buyer) },
    ...(payload ? { payload } : {}),
  });

async function subscriber(name: string, tasksPerPeriod = 3) {
  const buyer = tg.createUser({ firstName: name, languageCode: "en" });
  await say(tg, bot, buyer, "/start");
  const { id: userId } = await upsertTelegramUser(t.core, { telegramId: buyer.id, firstName: name });
  const planCode = `app-concierge-${seq++}`;
  await setTaskPlanQuota(t.core, cliActor, { planCode, tasksPerPeriod });
  await extendPlan(t.core.db, t.core.clock.now(), {
    userId,
    planCode,
    title: "Concierge",
    periodDays: 30,
    messagesPerPeriod: 10,
    grantKey: `app-test:${userId}`,
  });
  return buyer;
}

describe("tasks in the Mini App", () => {
  it("creates a task once per key, reads the deadline with its offset, and names a bad field", async () => {
    const sam = await subscriber("Sam");
    const before = (await call(sam, "GET", "/tasks")).json();
    expect(before).toMatchObject({
      items: [],
      allowances: [{ title: "Concierge", tasks_left: 3 }],
      can_create: true,
    });

    const body = {
      text: "Book a table for four",
      deadline: "2099-06-05T19:00:00+03:00",
      idempotency_key: "k1",
    };
    const first = await call(sam, "POST", "/tasks", body);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: "new", deadline: "2099-06-05T16:00:00.000Z" });
    expect((await call(sam, "POST", "/tasks", body)).json().id).toBe(first.json().id);
    const after = (await call(sam, "GET", "/tasks")).json();
    expect(after.items.map((i: { id: string }) => i.id)).toEqual([first.json().id]);
    expect(after.allowances[0].tasks_left).toBe(2);

    const bad = await call(sam, "POST", "/tasks", { ...body, deadline: "Friday", idempotency_key: "k2" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe("body.deadline");
    const past = await call(sam, "POST", "/tasks", {
      ...body,
      deadline: "2020-01-01T00:00:00Z",
      idempotency_key: "k3",
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.field).toBe("deadline");
    expect((await call(sam, "POST", "/tasks", { text: "", idempotency_key: "k4" })).json().error.field).toBe(
      "body.text",
    );
  });

  it("refuses a task to a buyer without a plan that gives tasks", async () => {
    const pat = tg.createUser({ firstName: "Pat", languageCode: "en" });
    expect((await call(pat, "GET", "/tasks")).json()).toEqual({
      items: [],
      allowances: [],
      can_create: false,
      priority_allowed: false,
    });
    const refused = await call(pat, "POST", "/tasks", { text: "Buy milk", idempotency_key: "p1" });
    expect(refused.statusCode).toBe(403);
    expect((await call(pat, "GET", "/tasks")).json().items).toEqual([]);
  });

  it("cancels a task nobody took, refuses once taken, and hides another buyer's task", async () => {
    const lea = await subscriber("Lea", 2);
    const a = (await call(lea, "POST", "/tasks", { text: "Call the plumber", idempotency_key: "a" })).json();
    const b = (
      await call(lea, "POST", "/tasks", { text: "Renew the passport", idempotency_key: "b" })
    ).json();
    const cancelled = await call(lea, "POST", `/tasks/${a.id}/cancel`);
    expect(cancelled.json()).toMatchObject({ id: a.id, status: "cancelled" });
    // The cancelled task went back to the quota.
    expect((await call(lea, "GET", "/tasks")).json().allowances[0].tasks_left).toBe(1);

    await takeTask(t.core, anna, { taskId: b.id });
    const taken = await call(lea, "POST", `/tasks/${b.id}/cancel`);
    expect(taken.statusCode).toBe(409);
    expect((await call(lea, "GET", `/tasks/${b.id}`)).json().status).toBe("in_progress");

    const other = await subscriber("Other");
    expect((await call(other, "GET", `/tasks/${b.id}`)).statusCode).toBe(404);
    expect((await call(other, "POST", `/tasks/${b.id}/cancel`)).statusCode).toBe(403);
  });

  it("shows the conversation without the assistant's name, takes an answer, and rates a done task", async () => {
    const max = await subscriber("Max");
    const task = (await call(max, "POST", "/tasks", { text: "Find a florist", idempotency_key: "f" })).json();
    expect((await call(max, "POST", `/tasks/${task.id}/rate`, { rating: 5 })).statusCode).toBe(409);
    await takeTask(t.core, anna, { taskId: task.id });
    await postAssistantTaskMessage(t.core, anna, { taskId: task.id, text: "Roses or tulips?", ask: true });
    expect((await call(max, "GET", `/tasks/${task.id}`)).json().status).toBe("waiting");

    const answer = await call(max, "POST", `/tasks/${task.id}/messages`, { text: "Tulips" });
    expect(answer.statusCode).toBe(201);
    const detail = (await call(max, "GET", `/tasks/${task.id}`)).json();
    expect(detail.status).toBe("in_progress");
    expect(
      detail.messages.map((m: { author_type: string; text: string }) => [m.author_type, m.text]),
    ).toEqual([
      ["operator", "Roses or tulips?"],
      ["user", "Tulips"],
    ]);
    expect(JSON.stringify(detail)).not.toContain("anna-app@");

    await completeTask(t.core, anna, { taskId: task.id, result: "Tulips delivered" });
    const rated = await call(max, "POST", `/tasks/${task.id}/rate`, { rating: 4, comment: "Quick" });
    expect(rated.json()).toMatchObject({
      status: "done",
      result: "Tulips delivered",
      rating: 4,
      rating_comment: "Quick",
    });
    const badRating = await call(max, "POST", `/tasks/${task.id}/rate`, { rating: 6 });
    expect(badRating.statusCode).toBe(400);
    expect(badRating.json().error.field).toBe("body.rating");
    expect((await call(max, "POST", `/tasks/${task.id}/messages`, { text: "Thanks" })).statusCode).toBe(409);
  });
});
