import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { say, textOf } from "../../server/test/support/bot-journey.ts";
import {
  hasChromium,
  noChromiumReason,
  openBrowser,
  screenshot,
  startWebServer,
  type TestBrowser,
  type WebServer,
} from "../../server/test/support/web-server.ts";
import { installTelegramClient, launchUrl, lightTheme } from "./support/telegram-client.ts";

/**
 * The subscriber's tasks in the Mini App's account page, in Chromium (its clock in Moscow) against
 * the real server: a task written on the page with a deadline in the subscriber's time, cancelled
 * while nobody took it; another taken, asked about, answered on the page, done and rated there.
 */
const phone = { width: 390, height: 844 };
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });

let server: WebServer;
let browser: TestBrowser;
let botId: string;
let assistantId: string;

async function openAccount(firstName: string, promo: boolean): Promise<{ page: Page; userId: string }> {
  const buyer = server.tg.createUser({ firstName, languageCode: "en" });
  await say(server.tg, server.bot, buyer, "/start");
  if (promo) expect(textOf(await say(server.tg, server.bot, buyer, "/promo APP30"))).toContain("is yours");
  const page = await browser.newPage(phone);
  await installTelegramClient(page, lightTheme);
  const initData = server.tg.launchMiniApp(server.bot, buyer);
  await page.goto(launchUrl(`${server.url}/app/${botId}/`, initData, lightTheme));
  await page.getByRole("link", { name: "My account" }).click();
  await page.getByTestId("tasks").waitFor();
  const users = await server.api("GET", `/api/v1/users?telegram_id=${buyer.id}`);
  return { page, userId: users.body.items[0].id as string };
}

describe.skipIf(!hasChromium)("tasks in the Mini App", () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startWebServer({ apiKey: true, webApps: ["mini-app"] }),
      openBrowser(),
    ]);
    botId = (await server.api("GET", "/api/v1/bots")).body.items[0].id;
    const plan = await server.api("POST", "/api/v1/products", {
      title: "Concierge",
      details: { kind: "plan", plan_code: "concierge", period_days: 30 },
      prices: [{ currency: "XTR", amount: 500 }],
    });
    expect(plan.status).toBe(201);
    const promo = await server.api("POST", "/api/v1/promos", {
      code: "APP30",
      kind: "free_days",
      value: 30,
      product_ids: [plan.body.id],
    });
    expect(promo.status).toBe(201);
    expect((await server.api("PUT", "/api/v1/task-plans/concierge", { tasks_per_period: 5 })).status).toBe(
      200,
    );
    const assistant = await server.api("POST", "/api/v1/operators", {
      email: "anna-mini@example.com",
      role: "assistant",
    });
    assistantId = assistant.body.operator.id;
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("writes a task with a deadline in the subscriber's time, and cancels it while nobody took it", async () => {
    const { page, userId } = await openAccount("Sam", true);
    try {
      expect(await page.getByTestId("task-allowance").textContent()).toBe(
        "Concierge: 5 of 5 tasks left this period",
      );
      await page.getByRole("button", { name: "New task" }).click();
      await page.getByLabel("What should be done?").fill("Book a table for four on Friday near the office");
      await page.getByLabel("Deadline (optional)").fill("2099-06-05T19:00");
      expect(await page.getByText("Your time (Europe/Moscow)").count()).toBe(1);
      await page.getByRole("button", { name: "Send to an assistant" }).click();
      await eventually(() => page.getByTestId("task-row").count()).toBe(1);
      expect(await page.getByTestId("task-status").textContent()).toBe("new");
      expect(await page.getByTestId("task-allowance").textContent()).toContain("4 of 5");
      // 19:00 in Moscow is 16:00 UTC; the page shows it back in Moscow time.
      const tasks = await server.api("GET", `/api/v1/tasks?user_id=${userId}`);
      expect(tasks.body.items[0].deadline).toBe("2099-06-05T16:00:00.000Z");
      expect(await page.getByTestId("task-row").textContent()).toContain("7:00 PM");
      await screenshot(page, "mini-app-tasks-account");

      await page.getByTestId("task-row").click();
      await page.getByTestId("task").waitFor();
      expect(await page.getByTestId("task-deadline").textContent()).toMatch(/Jun 5.*7:00 PM/);
      await page.getByRole("button", { name: "Cancel the task" }).click();
      await page.getByText("Cancel this task?").waitFor();
      await page.getByRole("button", { name: "Cancel the task" }).click();
      await eventually(() => page.getByTestId("task-status").textContent()).toBe("cancelled");
      await page.getByRole("link", { name: "Back to my account" }).click();
      await eventually(() => page.getByTestId("task-allowance").textContent()).toContain("5 of 5");
    } catch (error) {
      await screenshot(page, "mini-app-tasks-failure");
      throw error;
    } finally {
      await page.close();
    }
  });

  it("shows the conversation, takes the subscriber's answer, and rates the done task", async () => {
    const { page, userId } = await openAccount("Lea", true);
    try {
      const task = await server.api("POST", "/api/v1/tasks", {
        user_id: userId,
        bot_id: botId,
        text: "Find a florist near the station",
        idempotency_key: "mini-florist",
      });
      expect(task.status).toBe(201);
      const id = task.body.id as string;
      await server.api("POST", `/api/v1/tasks/${id}/take`, { assignee_id: assistantId });
      await server.api("POST", `/api/v1/tasks/${id}/messages`, { text: "Roses or tulips?", ask: true });

      await page.reload();
      await page.getByRole("link", { name: "My account" }).click();
      await eventually(() => page.getByTestId("task-status").textContent()).toBe("waiting for you");
      await page.getByTestId("task-row").click();
      await page.getByTestId("task-conversation").waitFor();
      expect(await page.getByTestId("task-message").textContent()).toBe("AssistantRoses or tulips?");
      expect(await page.getByRole("button", { name: "Cancel the task" }).count()).toBe(0);
      await page.getByRole("textbox", { name: "Write to the assistant" }).fill("Tulips, please");
      await page.getByRole("button", { name: "Send", exact: true }).click();
      await eventually(() => page.getByTestId("task-message").count()).toBe(2);
      expect(await page.getByTestId("task-status").textContent()).toBe("in progress");

      await server.api("POST", `/api/v1/tasks/${id}/done`, { result: "Tulips from Flora, 5 min walk" });
      await page.reload();
      await page.getByTestId("task-rating").waitFor();
      expect(await page.getByTestId("task-result").textContent()).toBe("Tulips from Flora, 5 min walk");
      await page.getByRole("button", { name: "5 ⭐" }).click();
      await page.getByRole("textbox", { name: "A comment (optional)" }).fill("Quick and kind");
      await page.getByRole("button", { name: "Save the rating" }).click();
      await page.getByText("Your rating: 5 ⭐").waitFor();
      const saved = await server.api("GET", `/api/v1/tasks/${id}`);
      expect(saved.body).toMatchObject({ rating: 5, rating_comment: "Quick and kind" });
      await screenshot(page, "mini-app-task-done");
    } catch (error) {
      await screenshot(page, "mini-app-task-failure");
      throw error;
    } finally {
      await page.close();
    }
  });

  it("sends a buyer without a plan that gives tasks to the store", async () => {
    const { page } = await openAccount("Pat", false);
    try {
      expect(await page.getByTestId("tasks").textContent()).toContain("None of your plans gives tasks");
      await page.getByRole("link", { name: "Open the store" }).click();
      await page.getByTestId("product-card").first().waitFor();
    } finally {
      await page.close();
    }
  });
});

if (!hasChromium) console.warn(noChromiumReason);
