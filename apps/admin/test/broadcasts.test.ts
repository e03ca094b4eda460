import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { say } from "../../server/test/support/bot-journey.ts";
import {
  closePanel,
  hasChromium,
  noChromiumReason,
  openSignedInPanel,
  type Panel,
  screenshot,
  type TestBrowser,
} from "./support/panel.ts";

/**
 * Compose a broadcast to a segment in the panel and send it, against the real server (its worker
 * sends) and the Telegram emulator: the live audience counter, a 400 shown next to its field, the
 * progress and the report, and the recipients' chats.
 */
let panel: Panel;
let browser: TestBrowser;
let page: Page;
const email = "news@example.com";
const password = "a long broadcasts password";
const users: Record<string, { id: number }> = {};
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000 });

describe.skipIf(!hasChromium)("broadcasts in the panel", () => {
  beforeAll(async () => {
    ({ panel, browser, page } = await openSignedInPanel({
      email,
      password,
      path: "/admin/broadcasts",
      server: { apiKey: true },
      prepare: async ({ tg, bot }) => {
        for (const [name, language] of [
          ["Ann", "en"],
          ["Boris", "ru"],
          ["Vera", "ru"],
        ] as const) {
          users[name] = tg.createUser({ firstName: name, languageCode: language });
          await say(tg, bot, users[name], "/start");
        }
      },
    }));
  }, 400_000);
  afterAll(() => closePanel({ panel, browser }));

  it("composes a broadcast to Russian speakers, sends it and shows the report", async () => {
    await page.getByRole("link", { name: "New broadcast" }).click();
    await page.waitForURL(/\/broadcasts\/new/);
    await eventually(() => page.getByTestId("audience-count").textContent()).toBe("Recipients now: 3");
    await page.getByLabel("Title (only you see it)").fill("Russian news");
    await page.getByLabel("Audience").selectOption("language");
    await page.locator("form").getByLabel("Language", { exact: true }).selectOption("ru");
    await eventually(() => page.getByTestId("audience-count").textContent()).toBe("Recipients now: 2");
    await page.getByLabel("Text in Russian").fill("<b>Новости</b> для {first_name}");
    await page.getByRole("button", { name: "Save draft" }).click();
    // No English text while English is the fallback: the server's 400 lands under that field.
    await eventually(() => page.locator("[data-field-error]").count()).toBe(1);
    await page.getByLabel("For other languages use").selectOption("ru");
    await page.getByRole("button", { name: "Add a button" }).click();
    await page.getByLabel("Label (ru)").fill("Попробовать");
    await screenshot(page, "broadcasts-composer");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.waitForURL(/\/broadcasts\/[0-9a-f-]{36}$/);

    await page.getByRole("button", { name: "Send now" }).click();
    await eventually(() => page.getByTestId("report-sent").textContent()).toBe("2");
    await eventually(() => page.getByText("Done").first().isVisible()).toBe(true);
    expect(await page.getByTestId("report-targeted").textContent()).toBe("2");
    await screenshot(page, "broadcasts-report");
    for (const name of ["Boris", "Vera"]) {
      const last = panel.tg.chatHistory(users[name]?.id ?? 0, { bot: panel.bot }).at(-1);
      expect(last?.text).toBe(`Новости для ${name}`);
    }
    expect(panel.tg.chatHistory(users.Ann?.id ?? 0, { bot: panel.bot }).at(-1)?.text).not.toContain(
      "Новости",
    );

    await page.getByRole("link", { name: "All broadcasts" }).click();
    await page.getByRole("link", { name: "Russian news" }).waitFor();
    await screenshot(page, "broadcasts-list");
  });

  it("switches an automated campaign on with its own wording", async () => {
    const newcomer = page.getByRole("region", { name: "Newcomer offer" });
    await newcomer.getByRole("switch", { name: "Newcomer offer on" }).click();
    await newcomer.getByLabel("Newcomer offer (en)").fill("Welcome, {first_name}: 20% off your first order");
    await newcomer.getByRole("button", { name: "Save" }).click();
    const botId = (await panel.api("GET", "/api/v1/bots")).body.items[0].id;
    await eventually(async () => {
      const list = await panel.api("GET", `/api/v1/bots/${botId}/campaigns`);
      return list.body.items.find((c: { kind: string }) => c.kind === "newcomer");
    }).toMatchObject({ enabled: true, texts: { en: "Welcome, {first_name}: 20% off your first order" } });
    await screenshot(page, "broadcasts-campaigns");
  });
});

if (!hasChromium) console.log(noChromiumReason);
