import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
const OWNER = { email: "owner@example.com", password: "owner password 1" };

/** Runs a step on a page, saving a screenshot when it fails. */
async function onPage(
  browser: TestBrowser,
  name: string,
  step: (page: Page) => Promise<void>,
  width?: number,
) {
  const page = await browser.newPage(width ? { width, height: 800 } : undefined);
  try {
    await step(page);
  } catch (error) {
    await screenshot(page, `${name}-failure`);
    throw error;
  } finally {
    await page.close();
  }
}

describe.skipIf(!hasChromium)("operators, API keys, bots and channels in a browser", () => {
  let panel: Panel;
  let browser: TestBrowser;
  let operatorPassword = "";
  beforeAll(async () => {
    [panel, browser] = await Promise.all([startPanel(), openBrowser()]);
    await createOwner(panel, OWNER.email, OWNER.password);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await panel?.stop();
  });

  it("the owner creates an operator, who signs in without Operators or API keys and gets 403 from the keys API", async () => {
    await onPage(browser, "operators", async (page) => {
      await signIn(page, panel, OWNER.email, OWNER.password, "/admin/operators");
      await page.getByRole("button", { name: "Add operator" }).click();
      await page.getByLabel("Email").fill("not an email");
      await page.getByRole("dialog").getByRole("button", { name: "Add operator" }).click();
      await expect
        .poll(() => page.locator("[data-field-error]").first().textContent(), poll)
        .toContain("email");
      await page.getByLabel("Email").fill("ops@example.com");
      await page.getByRole("dialog").getByRole("button", { name: "Add operator" }).click();
      const secret = page.locator("[data-secret]");
      await expect.poll(() => secret.count(), poll).toBe(1);
      operatorPassword = (await secret.textContent()) ?? "";
      expect(operatorPassword).toMatch(/^[\w-]{16}$/);
      await screenshot(page, "operators-temporary-password");
      await page.getByRole("button", { name: "Done" }).click();
      await expect.poll(() => page.locator('[data-operator="ops@example.com"]').count(), poll).toBe(1);
      await screenshot(page, "operators");
      await page.getByRole("button", { name: "Account" }).click();
      await page.getByRole("menuitem", { name: "Sign out" }).click();
      await page.waitForURL(/\/admin\/login/);
    });
    await browser.context.clearCookies();
    await onPage(browser, "operator-view", async (page) => {
      await signIn(page, panel, "ops@example.com", operatorPassword, "/admin/");
      const nav = page.getByRole("navigation", { name: "Main" });
      await expect.poll(() => nav.getByRole("link", { name: "Channels" }).count(), poll).toBe(1);
      expect(await nav.getByRole("link", { name: "Operators" }).count()).toBe(0);
      expect(await nav.getByRole("link", { name: "API keys" }).count()).toBe(0);
      const status = await page.evaluate(() => fetch("/api/v1/api-keys").then((r) => r.status));
      expect(status).toBe(403);
      await page.goto(`${panel.url}/admin/api-keys`);
      await expect.poll(() => page.getByRole("alert").count(), poll).toBeGreaterThan(0);
      await screenshot(page, "operator-refused-api-keys");
    });
    await browser.context.clearCookies();
  }, 180_000);

  it("the owner creates an API key, sees it once, and revokes it", async () => {
    await onPage(browser, "api-keys", async (page) => {
      await signIn(page, panel, OWNER.email, OWNER.password, "/admin/api-keys");
      await page.getByRole("button", { name: "Create key" }).click();
      await page.getByLabel("Name").fill("CRM sync");
      await page.getByRole("dialog").getByRole("button", { name: "Create key" }).click();
      const secret = page.locator("[data-secret]");
      await expect.poll(() => secret.count(), poll).toBe(1);
      const key = (await secret.textContent()) ?? "";
      expect(key).toMatch(/^lmn_/);
      const works = await fetch(`${panel.url}/api/v1/channels`, { headers: { "x-auth-key": key } });
      expect(works.status).toBe(200);
      await page.getByRole("button", { name: "Done" }).click();
      expect(await page.content()).not.toContain(key);
      const row = page.locator('[data-api-key="CRM sync"]');
      await row.getByRole("button", { name: "Revoke" }).click();
      await page.getByRole("alertdialog").getByRole("button", { name: "Revoke" }).click();
      await expect.poll(() => row.textContent(), poll).toContain("Revoked");
      await screenshot(page, "api-keys");
      const revoked = await fetch(`${panel.url}/api/v1/channels`, { headers: { "x-auth-key": key } });
      expect(revoked.status).toBe(401);
    });
  }, 120_000);

  it("the owner adds a bot by token, and a chat the bot joined shows its missing rights", async () => {
    await browser.context.clearCookies();
    const second = panel.tg.createBot({ username: "second_shop_bot", firstName: "Second" });
    await onPage(browser, "bots", async (page) => {
      await signIn(page, panel, OWNER.email, OWNER.password, "/admin/bots");
      await page.getByRole("button", { name: "Add bot" }).click();
      await page.getByLabel("Bot token").fill(`999:${"x".repeat(35)}`);
      await page.getByRole("dialog").getByRole("button", { name: "Add bot" }).click();
      await expect
        .poll(() => page.locator("[data-field-error]").first().textContent(), poll)
        .toContain("Telegram does not accept");
      await page.getByLabel("Bot token").fill(second.token);
      await page.getByRole("dialog").getByRole("button", { name: "Add bot" }).click();
      await expect.poll(() => page.locator('[data-bot="second_shop_bot"]').count(), poll).toBe(1);
      await expect.poll(() => page.locator("[data-delivery]").count(), poll).toBe(2);
      // The new bot's sale notices go to a chat of its own: a bad id is named, a good one saved.
      const card = page.locator('[data-bot="second_shop_bot"]');
      await card.getByLabel("Telegram chat id").fill("sales room");
      await expect.poll(() => card.getByText("A chat id is a whole number").count(), poll).toBe(1);
      await card.getByLabel("Telegram chat id").fill("-1001234567890");
      await card.getByRole("button", { name: "Save notices" }).click();
      await expect.poll(() => card.getByRole("button", { name: "Save notices" }).count(), poll).toBe(0);
      await page.reload();
      await expect
        .poll(
          () => page.locator('[data-bot="second_shop_bot"]').getByLabel("Telegram chat id").inputValue(),
          poll,
        )
        .toBe("-1001234567890");
      await screenshot(page, "bots");
    });
    const chat = panel.tg.createChat({ type: "supergroup", title: "VIP club" });
    await panel.tg.addBotToChat(panel.bot, chat, { status: "member" });
    await panel.tg.waitUntilHandled(panel.bot);
    await onPage(browser, "channels", async (page) => {
      await page.goto(`${panel.url}/admin/channels`);
      await page.getByRole("link", { name: "VIP club" }).click();
      await page.waitForURL(/\/admin\/channels\/[0-9a-f-]{36}/);
      const warnings = page.locator("[data-missing-rights]");
      await expect.poll(() => warnings.textContent(), poll).toContain("The bot is not an administrator");
      expect(await warnings.textContent()).toContain("The bot cannot remove members");
      await screenshot(page, "channel");
    });
    await onPage(
      browser,
      "channels-phone",
      async (page) => {
        await page.goto(`${panel.url}/admin/channels`);
        await expect.poll(() => page.getByRole("link", { name: "VIP club" }).count(), poll).toBe(1);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
        await screenshot(page, "channels-375");
        await page.goto(`${panel.url}/admin/settings`);
        await expect.poll(() => page.getByText("Telegram Stars").count(), poll).toBe(1);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
        await screenshot(page, "settings-375");
      },
      375,
    );
  }, 180_000);
});
