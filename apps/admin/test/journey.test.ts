import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callbackDataOf, say, sentMessage, textOf } from "../../server/test/support/bot-journey.ts";
import {
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

/**
 * The operator's whole first day, in one browser, against the real server process and the Telegram
 * emulator (issue 14, "Tests that must exist"): set up the owner, watch a Stars sale arrive, find the
 * buyer, grant credits the bot then reports, add a product the bot then sells, refund the sale,
 * export it, and check an `operator` account cannot reach API keys. The other browser suites test
 * each page's details; this one checks the pages agree with each other and with the bot.
 */

if (!hasChromium) console.warn(noChromiumReason);

const poll = { timeout: 20_000, interval: 100 };
const OWNER = { email: "journey-owner@example.com", password: "a long journey password" };

/** Splits RFC 4180 CSV text into rows of cells (quotes, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (quoted) {
      cell += ch;
    } else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n") {
      row.push(cell.replace(/\r$/, ""));
      rows.push(row);
      row = [];
      cell = "";
    } else {
      cell += ch;
    }
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

describe.skipIf(!hasChromium)("the operator's journey through the panel", () => {
  let panel: Panel;
  let owner: TestBrowser;
  let page: Page;
  beforeAll(async () => {
    // The API key only seeds the product the bot sells before the panel exists; every later step
    // goes through the browser or the bot.
    [panel, owner] = await Promise.all([startPanel({ apiKey: true }), openBrowser()]);
    page = await owner.newPage();
  }, 400_000);
  afterAll(async () => {
    await owner?.close();
    await panel?.stop();
  });

  it("setup → sale → user → credits → product → refund → CSV → operator refused API keys", async () => {
    const { tg, bot } = panel;
    let operatorPassword = "";
    try {
      // 1. First run: the owner is created with the one-time code from the server log.
      await page.goto(`${panel.url}/admin/`);
      await page.waitForURL(/\/admin\/login/);
      await page.getByRole("link", { name: "Create the owner account" }).click();
      await page.waitForURL(/\/admin\/setup/);
      await page.getByLabel("Setup code").fill(panel.setupCode());
      await page.getByLabel("Email").fill(OWNER.email);
      await page.getByLabel("Password").fill(OWNER.password);
      await page.getByRole("button", { name: "Create owner" }).click();
      await page.waitForURL(/\/admin\/login\?email=/);

      // 2. Sign in.
      await signIn(page, panel, OWNER.email, OWNER.password, "/admin/");
      expect(new URL(page.url()).pathname).toBe("/admin/");

      // 3. A buyer pays 75 Stars in the bot; the dashboard and the orders list show the sale.
      const pack = await panel.api("POST", "/api/v1/products", {
        title: "Starter pack",
        details: { kind: "credits", credits: 100 },
        prices: [{ currency: "XTR", amount: 75 }],
      });
      expect(pack.status).toBe(201);
      const buyer = tg.createUser({ firstName: "Darya", username: "darya_j", languageCode: "en" });
      await say(tg, bot, buyer, "/start");
      const catalog = await say(tg, bot, buyer, "/buy");
      const before = tg.calls.length;
      await tg.pressButton(bot, buyer, sentMessage(catalog), callbackDataOf(catalog, "Starter pack — 75 ⭐"));
      const invoice = await tg.waitForCall("sendInvoice", (p) => p.chat_id === buyer.id, { after: before });
      expect((await tg.payInvoice(bot, buyer, sentMessage(invoice))).ok).toBe(true);
      await tg.waitForCall("sendMessage", (p) => p.chat_id === buyer.id && String(p.text).startsWith("✅"), {
        timeoutMs: 15_000,
      });

      await page.goto(`${panel.url}/admin/?period=7`);
      await expect.poll(() => page.getByTestId("kpi-revenue-XTR-value").textContent(), poll).toBe("75 Stars");
      expect(await page.getByTestId("kpi-paid-orders-value").textContent()).toBe("1");
      await page.getByTestId("kpi-paid-orders").click();
      await page.waitForURL(/\/admin\/orders\?/);
      const orders = page.getByRole("table", { name: "Orders" });
      await expect.poll(() => orders.locator("tbody tr").count(), poll).toBe(1);
      const orderRow = orders.locator("tbody tr").first();
      expect(await orderRow.innerText()).toMatch(
        /Starter pack[\s\S]*@darya_j[\s\S]*75[\s\S]*stars[\s\S]*Paid/,
      );

      // 4. Find the buyer in Users by @username and open their page.
      await page.getByRole("link", { name: "Users" }).first().click();
      await page.waitForURL(/\/admin\/users/);
      await searchList(page, "@darya");
      await page.getByRole("cell", { name: /Darya/ }).click();
      await page.waitForURL(/\/admin\/users\/[0-9a-f-]{36}$/);
      await expect.poll(() => page.getByTestId("balance").textContent(), poll).toBe("100");

      // 5. Grant credits: the reason is required; the ledger shows the grant and /balance agrees.
      await page.getByRole("button", { name: "Grant or deduct credits" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Amount").fill("25");
      await dialog.getByRole("button", { name: "Apply" }).click();
      await expect.poll(() => dialog.locator("[data-field-error]").count(), poll).toBe(1);
      await dialog.getByLabel("Reason").fill("Sorry for the slow answers");
      await dialog.getByRole("button", { name: "Apply" }).click();
      await expect.poll(() => page.getByTestId("balance").textContent(), poll).toBe("125");
      const newest = page.locator("[data-ledger-entry]").first();
      await expect.poll(() => newest.textContent(), poll).toContain("Sorry for the slow answers");
      expect(await newest.textContent()).toMatch(/Operator adjustment[\s\S]*\+25/);
      expect(textOf(await say(tg, bot, buyer, "/balance"))).toContain("💰 Balance: 125 credits");

      // 6. Create a product in Products; the bot's catalog offers it.
      await page.getByRole("link", { name: "Products" }).first().click();
      await page.waitForURL(/\/admin\/products/);
      await page.getByRole("button", { name: "New product" }).click();
      const form = page.getByRole("dialog");
      await form.getByLabel("Title").fill("Big pack");
      await form.getByLabel("Credits granted").fill("500");
      await form.getByLabel("Price in Stars").fill("300");
      await form.getByRole("button", { name: "Save" }).click();
      await page.getByText("Product saved").waitFor();
      const products = page.getByRole("table", { name: "Products" });
      await expect.poll(() => products.getByText("Big pack").count(), poll).toBe(1);
      const offered = await say(tg, bot, buyer, "/buy");
      expect(JSON.stringify(offered.params.reply_markup)).toContain("Big pack — 300 ⭐");

      // 7. Refund the Stars order from its page, after the confirm dialog.
      await page.getByRole("link", { name: "Orders" }).first().click();
      await page.waitForURL(/\/admin\/orders/);
      await orders.getByText("Starter pack").click();
      await page.waitForURL(/\/admin\/orders\/[0-9a-f-]{36}$/);
      const orderId = new URL(page.url()).pathname.split("/").pop() as string;
      await page.getByRole("button", { name: "Refund" }).click();
      const confirm = page.getByRole("alertdialog");
      expect(await confirm.textContent()).toContain("Refund this order?");
      await confirm.getByRole("button", { name: "Refund" }).click();
      await page.getByText("Order refunded.").waitFor();
      await expect.poll(() => page.getByRole("button", { name: "Refund" }).count(), poll).toBe(0);
      await expect.poll(() => page.getByText("Refunded", { exact: true }).count(), poll).toBeGreaterThan(0);
      const refundCall = tg.calls.find((c) => c.method === "refundStarPayment");
      expect(refundCall?.params.user_id).toBe(buyer.id);
      // The buyer is told (a job, so it may come at any moment: wait for it before asking the bot).
      await tg.waitForCall("sendMessage", (p) => p.chat_id === buyer.id && String(p.text).startsWith("↩️"), {
        timeoutMs: 15_000,
      });
      // The refund takes back the 100 credits the order granted; the operator's 25 stay.
      expect(textOf(await say(tg, bot, buyer, "/balance"))).toContain("💰 Balance: 25 credits");

      // 8. Export the orders as CSV through the browser's download, and read it as Excel would.
      await page.goto(`${panel.url}/admin/orders`);
      await expect.poll(() => orders.locator("tbody tr").count(), poll).toBe(1);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Export CSV" }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.csv$/);
      const bytes = readFileSync((await download.path()) as string);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...rows] = parseCsv(bytes.subarray(3).toString("utf8"));
      expect(header?.slice(0, 8)).toEqual([
        "id",
        "created_at",
        "status",
        "title",
        "kind",
        "amount",
        "currency",
        "provider",
      ]);
      expect(rows).toHaveLength(1);
      const cells = Object.fromEntries((header ?? []).map((h, i) => [h, rows[0]?.[i]]));
      expect(cells).toMatchObject({
        id: orderId,
        status: "refunded",
        title: "Starter pack",
        amount: "75",
        currency: "XTR",
        provider: "stars",
        username: "darya_j",
        telegram_id: String(buyer.id),
      });
      expect(Date.parse(cells.refunded_at ?? "")).toBeGreaterThan(Date.parse(cells.paid_at ?? ""));

      // 9. The owner adds an `operator` account in Operators and notes its temporary password.
      await page.goto(`${panel.url}/admin/operators`);
      await page.getByRole("button", { name: "Add operator" }).click();
      await page.getByLabel("Email").fill("support@example.com");
      await page.getByRole("dialog").getByRole("button", { name: "Add operator" }).click();
      const secret = page.locator("[data-secret]");
      await expect.poll(() => secret.count(), poll).toBe(1);
      operatorPassword = (await secret.textContent()) ?? "";
      await page.getByRole("button", { name: "Done" }).click();
      const added = page.locator('[data-operator="support@example.com"]');
      await expect.poll(() => added.textContent(), poll).toMatch(/operator/i);
    } catch (error) {
      await screenshot(page, "journey-failure");
      throw error;
    }

    // 10. In a browser of its own, the operator sees no API keys and the server refuses them.
    const other = await openBrowser();
    const opPage = await other.newPage();
    try {
      await signIn(opPage, panel, "support@example.com", operatorPassword, "/admin/");
      const nav = opPage.getByRole("navigation", { name: "Main" });
      await expect.poll(() => nav.getByRole("link", { name: "Orders" }).count(), poll).toBe(1);
      expect(await nav.getByRole("link", { name: "API keys" }).count()).toBe(0);
      await opPage.goto(`${panel.url}/admin/api-keys`);
      await expect.poll(() => opPage.getByRole("alert").count(), poll).toBeGreaterThan(0);
      expect(await opPage.getByRole("button", { name: "Create key" }).count()).toBe(0);
      const status = await opPage.evaluate(() => fetch("/api/v1/api-keys").then((r) => r.status));
      expect(status).toBe(403);
      const create = await opPage.evaluate(() =>
        fetch("/api/v1/api-keys", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ name: "sneaky", role: "owner" }),
        }).then((r) => r.status),
      );
      expect(create).toBe(403);
    } catch (error) {
      await screenshot(opPage, "journey-operator-failure");
      throw error;
    } finally {
      await opPage.close();
      await other.close();
    }
  }, 300_000);
});

describe.skipIf(hasChromium)("the operator's journey through the panel", () => {
  it.skip(noChromiumReason, () => {});
});
