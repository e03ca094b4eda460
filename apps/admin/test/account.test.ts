import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { say, textOf } from "../../server/test/support/bot-journey.ts";
import {
  createOwner,
  hasChromium,
  noChromiumReason,
  openBrowser,
  type Panel,
  screenshot,
  signIn,
  startPanel,
  type TestBrowser,
} from "./support/panel.ts";

if (!hasChromium) console.warn(noChromiumReason);

const poll = { timeout: 20_000, interval: 100 };

/** A reviewer's first visit: no sales pages, the review queue, and their Telegram linked from their account page. */
describe.skipIf(!hasChromium)("an operator's own account in a browser", () => {
  let panel: Panel;
  let browser: TestBrowser;
  beforeAll(async () => {
    [panel, browser] = await Promise.all([startPanel({ apiKey: true }), openBrowser()]);
    await createOwner(panel, "owner@example.com", "owner password 1");
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await panel?.stop();
  });

  it("a reviewer lands on the review queue and links Telegram from their account page by sending the code to the bot", async () => {
    const invited = await panel.api("POST", "/api/v1/operators", {
      email: "rev@example.com",
      role: "reviewer",
    });
    expect(invited.status).toBe(201);
    const page = await browser.newPage();
    try {
      await signIn(page, panel, "rev@example.com", invited.body.temporary_password, "/admin/");
      // A reviewer's home is the homework review queue; the account page is one click away.
      await page.waitForURL(/\/admin\/courses\/reviews/);
      await page.goto(`${panel.url}/admin/account`);
      const nav = page.getByRole("navigation", { name: "Main" });
      expect(await nav.getByRole("link", { name: "Users" }).count()).toBe(0);
      await expect
        .poll(() => page.getByTestId("telegram-status").textContent(), poll)
        .toBe("No Telegram account is linked.");

      await page.getByRole("button", { name: "Link Telegram" }).click();
      const command = (await page.getByTestId("link-command").textContent())?.trim() ?? "";
      expect(command).toMatch(/^\/start op_[A-Z0-9]{12}$/);
      expect(await page.getByRole("link", { name: "Open @lumen_panel_bot" }).getAttribute("href")).toBe(
        `https://t.me/lumen_panel_bot?start=${command.slice("/start ".length)}`,
      );
      await screenshot(page, "account-telegram-code");

      const rita = panel.tg.createUser({ firstName: "Rita", languageCode: "en" });
      expect(textOf(await say(panel.tg, panel.bot, rita, command))).toContain("rev@example.com (reviewer)");
      await expect
        .poll(() => page.getByTestId("telegram-status").textContent(), poll)
        .toBe(`Linked to Telegram account ${rita.id}.`);
      await screenshot(page, "account-telegram-linked");
    } catch (error) {
      await screenshot(page, "account-failure");
      throw error;
    } finally {
      await page.close();
    }
  });
});
