import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createOwner,
  hasChromium,
  noChromiumReason,
  openBrowser,
  type Panel,
  screenshot,
  searchList,
  signIn,
  startPanel,
  type TestBrowser,
} from "./support/panel.ts";

let panel: Panel;
let browser: TestBrowser;
const email = "people@example.com";
const password = "people password 123";

describe.skipIf(!hasChromium)("users pages in a phone-sized browser", () => {
  beforeAll(async () => {
    panel = await startPanel({ apiKey: true });
    browser = await openBrowser();
    await createOwner(panel, email, password);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await panel?.stop();
  });

  it("finds a user, grants credits with a reason, and the ledger and the API agree", async () => {
    const created = await panel.api("POST", "/api/v1/users", {
      telegram_id: 777_000_111,
      first_name: "Zoya",
      username: "zoya_k",
      language_code: "ru",
    });
    expect(created.status).toBe(201);
    const page = await browser.newPage({ width: 375, height: 800 });
    await signIn(page, panel, email, password, "/admin/users");
    await searchList(page, "@zoya");
    await page.getByRole("cell", { name: /Zoya/ }).click();
    await page.waitForURL(/\/admin\/users\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId("balance").textContent()).toBe("0");
    await screenshot(page, "people-user-375");

    await page.getByRole("button", { name: "Grant or deduct credits" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Amount").fill("25");
    await dialog.getByRole("button", { name: "Apply" }).click();
    await expect.poll(() => dialog.locator("[data-field-error]").count()).toBe(1);
    await dialog.getByLabel("Reason").fill("Goodwill after an outage");
    await dialog.getByRole("button", { name: "Apply" }).click();
    await expect.poll(() => page.getByTestId("balance").textContent()).toBe("25");
    await expect
      .poll(() => page.locator("[data-ledger-entry]").first().textContent())
      .toContain("Goodwill after an outage");
    await screenshot(page, "people-user-granted-375");

    const credits = await panel.api("GET", `/api/v1/users/${created.body.id}/credits`);
    expect(credits.body.balance).toBe(25);

    await page.goto(`${panel.url}/admin/users?paying=false`);
    await page.getByRole("cell", { name: /Zoya/ }).waitFor();
    await screenshot(page, "people-users-list-375");
    await page.goto(`${panel.url}/admin/orders`);
    await page.getByRole("heading", { name: "Orders and payments" }).waitFor();
    await screenshot(page, "people-orders-375");
  }, 120_000);
});

if (!hasChromium) console.warn(noChromiumReason);
