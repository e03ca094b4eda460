import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { say, textOf } from "../../server/test/support/bot-journey.ts";
import {
  closePanel,
  hasChromium,
  noChromiumReason,
  openSignedInPanel,
  type Panel,
  screenshot,
  signIn,
  type TestBrowser,
} from "./support/panel.ts";

if (!hasChromium) console.warn(noChromiumReason);

/**
 * The task board and the assistant statistics in a browser, against the real server: a subscriber
 * on a plan that gives tasks, a task created for them, taken by an assistant, asked about and done
 * through the API; the board shows it under Done and the statistics page counts it.
 */
let panel: Panel;
let browser: TestBrowser;
let page: Page;
const email = "tasks-owner@example.com";
const password = "a long tasks password";
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });

let annaPassword = "";

async function seed(): Promise<string> {
  const { tg, bot } = panel;
  const plan = await panel.api("POST", "/api/v1/products", {
    title: "Concierge",
    details: { kind: "plan", plan_code: "concierge", period_days: 30 },
    prices: [{ currency: "XTR", amount: 500 }],
  });
  expect(plan.status).toBe(201);
  expect(
    (
      await panel.api("POST", "/api/v1/promos", {
        code: "HELP30",
        kind: "free_days",
        value: 30,
        product_ids: [plan.body.id],
      })
    ).status,
  ).toBe(201);
  expect((await panel.api("PUT", "/api/v1/task-plans/concierge", { tasks_per_period: 5 })).status).toBe(200);
  const sam = tg.createUser({ firstName: "Sam", languageCode: "en" });
  await say(tg, bot, sam, "/start");
  expect(textOf(await say(tg, bot, sam, "/promo HELP30"))).toContain("is yours for free");
  const users = await panel.api("GET", "/api/v1/users?limit=50");
  const userId = (users.body.items as Array<{ id: string; first_name: string }>).find(
    (u) => u.first_name === "Sam",
  )?.id;

  const assistant = await panel.api("POST", "/api/v1/operators", {
    email: "anna@example.com",
    role: "assistant",
  });
  expect(assistant.status).toBe(201);
  annaPassword = assistant.body.temporary_password as string;
  const task = await panel.api("POST", "/api/v1/tasks", {
    user_id: userId,
    text: "Book a table for four on Friday near the office",
    idempotency_key: "board-task",
  });
  expect(task.status).toBe(201);
  const id = task.body.id as string;
  expect(
    (await panel.api("POST", `/api/v1/tasks/${id}/take`, { assignee_id: assistant.body.operator.id })).status,
  ).toBe(200);
  expect(
    (await panel.api("POST", `/api/v1/tasks/${id}/messages`, { text: "Which cuisine?", ask: true })).status,
  ).toBe(201);
  expect(
    (await panel.api("POST", `/api/v1/tasks/${id}/done`, { result: "Booked Da Mario, Friday 19:00" })).status,
  ).toBe(200);
  return id;
}

describe.skipIf(!hasChromium)("the task board and assistant statistics", () => {
  let taskId: string;
  beforeAll(async () => {
    ({ panel, browser, page } = await openSignedInPanel({
      email,
      password,
      path: "/admin/tasks",
      server: { apiKey: true },
      prepare: async (started) => {
        panel = started;
        taskId = await seed();
      },
    }));
  }, 300_000);
  afterAll(() => closePanel({ panel, browser }));

  it("shows the task under Done on the board and opens its conversation and history", async () => {
    try {
      const done = page.getByRole("region", { name: "Done" });
      await eventually(() => done.getByTestId("task-card").count()).toBe(1);
      expect(await done.getByTestId("task-card").textContent()).toContain("Book a table for four");
      await screenshot(page, "tasks-board");
      await done.getByTestId("task-card").click();
      await page.waitForURL(new RegExp(`/admin/tasks/${taskId}`));
      await eventually(() => page.getByTestId("task-status").textContent()).toBe("Done");
      expect(await page.getByTestId("task-conversation").textContent()).toContain("Which cuisine?");
      const history = (await page.getByTestId("task-history").textContent()) ?? "";
      for (const kind of ["Created", "Taken", "Asked the subscriber", "Done"])
        expect(history).toContain(kind);
      await screenshot(page, "tasks-task-page");
    } catch (error) {
      await screenshot(page, "tasks-failure");
      throw error;
    }
  });

  it("counts the task for its assistant on the statistics page", async () => {
    try {
      await page.goto(`${panel.url}/admin/tasks/statistics`);
      const table = page.getByTestId("statistics-table");
      await eventually(() => table.getByRole("row").count()).toBe(2);
      const row = table.getByRole("row").nth(1);
      const cells = await row.getByRole("cell").allTextContents();
      expect(cells[0]).toBe("anna@example.com");
      expect(cells.slice(1, 3)).toEqual(["1", "1"]);
      // First response and time to done, median / p90, with units in the panel's language.
      expect(cells[3]).toMatch(/^\d+(\.\d)? (sec|min|hr|days?) \/ \d+(\.\d)? (sec|min|hr|days?)$/);
      await eventually(() =>
        page.getByTestId("chart-done").locator(".recharts-bar-rectangle").count(),
      ).toBeGreaterThan(0);
      await screenshot(page, "tasks-statistics");
    } catch (error) {
      await screenshot(page, "tasks-statistics-failure");
      throw error;
    }
  });

  it("sets up tasks: the plans that give them and the bot's work chat", async () => {
    try {
      await page.goto(`${panel.url}/admin/tasks/settings`);
      await eventually(() => page.getByTestId("task-plans").textContent()).toContain("concierge");
      await page.getByLabel("Work chat id").fill("-100123456");
      await page.getByRole("button", { name: "Save" }).nth(1).click();
      const bots = await panel.api("GET", "/api/v1/bots");
      const botId = bots.body.items[0].id as string;
      await eventually(
        async () => (await panel.api("GET", `/api/v1/bots/${botId}/task-settings`)).body.work_chat_id,
      ).toBe(-100123456);
      await screenshot(page, "tasks-settings");
    } catch (error) {
      await screenshot(page, "tasks-settings-failure");
      throw error;
    }
  });

  it("lets an assistant see the board and only their own statistics", async () => {
    // The owner's session is done with: the assistant signs in on the same browser profile.
    await browser.context.clearCookies();
    const desk = await browser.newPage();
    try {
      await signIn(desk, panel, "anna@example.com", annaPassword, "/admin/tasks");
      await desk.waitForURL(/\/admin\/tasks/);
      const done = desk.getByRole("region", { name: "Done" });
      await eventually(() => done.getByTestId("task-card").count()).toBe(1);
      await desk.goto(`${panel.url}/admin/tasks/statistics`);
      const rows = desk.getByTestId("statistics-table").getByRole("row");
      await eventually(() => rows.count()).toBe(2);
      expect(await rows.nth(1).getByRole("cell").first().textContent()).toBe("anna@example.com");
      expect(await desk.getByRole("link", { name: "Settings" }).count()).toBe(0);
      await screenshot(desk, "tasks-assistant-statistics");
    } catch (error) {
      await screenshot(desk, "tasks-assistant-failure");
      throw error;
    } finally {
      await desk.close();
    }
  });
});
