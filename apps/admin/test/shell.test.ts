import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
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

/** Pages render after requests to a server sharing 2 cores with the rest of the suite: wait, not sleep. */
const poll = { timeout: 20_000, interval: 100 };

describe.skipIf(!hasChromium)("admin shell in a browser", () => {
  let panel: Panel;
  let browser: TestBrowser;
  beforeAll(async () => {
    [panel, browser] = await Promise.all([startPanel(), openBrowser()]);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await panel?.stop();
  });

  it("creates the owner with the code from the log, signs in, reads the audit log, signs out, and comes back to a deep link", async () => {
    const page = await browser.newPage();
    try {
      // First run: the panel offers setup; a wrong code is refused next to its field.
      await page.goto(`${panel.url}/admin/`);
      await page.waitForURL(/\/admin\/login/);
      await page.getByRole("link", { name: "Create the owner account" }).click();
      await page.waitForURL(/\/admin\/setup/);
      await page.getByLabel("Setup code").fill("WRONG-CODE");
      await page.getByLabel("Email").fill("boss@example.com");
      await page.getByLabel("Password").fill("a long password");
      await page.getByRole("button", { name: "Create owner" }).click();
      await expect
        .poll(() => page.locator("[data-field-error]").first().textContent(), poll)
        .toContain("setup code");

      await page.getByLabel("Setup code").fill(panel.setupCode());
      await page.getByRole("button", { name: "Create owner" }).click();
      await page.waitForURL(/\/admin\/login\?email=/);
      expect(await page.getByLabel("Email").inputValue()).toBe("boss@example.com");

      // Setup is closed now: the page sends the operator to sign in.
      await page.goto(`${panel.url}/admin/setup`);
      await page.waitForURL(/\/admin\/login/);

      await signIn(page, panel, "boss@example.com", "a long password", "/admin/");
      expect(new URL(page.url()).pathname).toBe("/admin/");
      await page.getByRole("link", { name: "Audit log" }).first().click();
      await page.waitForURL(/\/admin\/audit/);
      const rows = page.getByRole("table", { name: "Audit log entries" }).locator("tbody tr");
      await expect.poll(() => rows.count(), poll).toBeGreaterThanOrEqual(2);
      const text = await page.getByRole("table", { name: "Audit log entries" }).innerText();
      expect(text).toContain("admin.setup");
      expect(text).toContain("auth.login");
      await screenshot(page, "shell-audit");

      // A filter lives in the URL, so the filtered list can be shared and reloaded.
      await page.locator('[data-filter="action"]').click();
      await page.getByRole("option", { name: "admin.setup" }).click();
      await page.waitForURL(/action=admin\.setup/);
      await expect.poll(() => rows.count(), poll).toBe(1);
      await page.reload();
      await expect.poll(() => rows.count(), poll).toBe(1);

      // Sign out: the session is gone on the server too.
      await page.getByRole("button", { name: "Account" }).click();
      await page.getByRole("menuitem", { name: "Sign out" }).click();
      await page.waitForURL(/\/admin\/login/);
      const me = await page.evaluate(() => fetch("/api/v1/auth/me").then((r) => r.status));
      expect(me).toBe(401);

      // A deep link without a session goes to sign in, then back to exactly that page.
      await signIn(page, panel, "boss@example.com", "a long password", "/admin/audit?action=admin.setup");
      expect(page.url()).toBe(`${panel.url}/admin/audit?action=admin.setup`);
      await expect.poll(() => rows.count(), poll).toBe(1);

      // An expired session (cookie gone) on the next request sends the operator to sign in.
      await browser.context.clearCookies();
      await page.goto(`${panel.url}/admin/audit`);
      await page.waitForURL(/\/admin\/login\?redirect=%2Faudit/);
    } catch (error) {
      await screenshot(page, "shell-failure");
      throw error;
    } finally {
      await page.close();
    }
  }, 120_000);

  it("is usable at 375 px: the sidebar is a sheet behind the menu button", async () => {
    const page = await browser.newPage({ width: 375, height: 740 });
    await browser.context.clearCookies();
    try {
      await signIn(page, panel, "boss@example.com", "a long password", "/admin/");
      const nav = page.getByRole("navigation", { name: "Main" });
      expect(await nav.isVisible()).toBe(false);
      await page.getByRole("button", { name: "Open menu" }).click();
      await page.getByRole("dialog").getByRole("link", { name: "Audit log" }).click();
      await page.waitForURL(/\/admin\/audit/);
      await expect.poll(() => page.getByRole("dialog").count(), poll).toBe(0);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(375);
    } finally {
      await page.close();
    }
  }, 60_000);
});
