import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, callbackDataOf, say, sentMessage } from "../../server/test/support/bot-journey.ts";
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
 * The sales side of the panel against the real server and the Telegram emulator: a product made
 * for the bot, a Stars payment in the bot, the dashboard counting it and linking to the orders
 * behind it, and a promo code made on its page.
 */
let panel: Panel;
let browser: TestBrowser;
let page: Page;
const email = "sales@example.com";
const password = "a long sales password";

describe.skipIf(!hasChromium)("sales pages", () => {
  beforeAll(async () => {
    ({ panel, browser, page } = await openSignedInPanel({ email, password, server: { apiKey: true } }));
  }, 400_000);
  afterAll(() => closePanel({ panel, browser }));

  it("a Stars payment made in the bot shows on the dashboard, and the card opens the paid orders", async () => {
    const created = await panel.api("POST", "/api/v1/products", {
      title: "Starter pack",
      details: { kind: "credits", credits: 100 },
      prices: [
        { currency: "RUB", amount: 19900 },
        { currency: "XTR", amount: 75 },
      ],
    });
    expect(created.status).toBe(201);
    const { tg, bot } = panel;
    const buyer = tg.createUser({ firstName: "Dana", languageCode: "en" });
    await say(tg, bot, buyer, "/start");
    const catalog = await say(tg, bot, buyer, "/buy");
    expect(buttonsOf(catalog)).toContainEqual(["Starter pack — 75 ⭐"]);
    const after = tg.calls.length;
    await tg.pressButton(bot, buyer, sentMessage(catalog), callbackDataOf(catalog, "Starter pack — 75 ⭐"));
    const invoice = await tg.waitForCall("sendInvoice", (p) => p.chat_id === buyer.id, { after });
    expect((await tg.payInvoice(bot, buyer, sentMessage(invoice))).ok).toBe(true);
    await tg.waitForCall("sendMessage", (p) => p.chat_id === buyer.id && String(p.text).startsWith("✅"), {
      timeoutMs: 15_000,
    });

    await page.goto(`${panel.url}/admin/?period=7`);
    await expect.poll(() => page.getByTestId("kpi-revenue-XTR-value").textContent()).toBe("75 Stars");
    expect(await page.getByTestId("kpi-paid-orders-value").textContent()).toBe("1");
    expect(await page.getByTestId("kpi-revenue-RUB-value").textContent()).toMatch(/0[.,]00/);
    await screenshot(page, "dashboard");
    await page.setViewportSize({ width: 375, height: 800 });
    await screenshot(page, "dashboard-375");
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByTestId("kpi-paid-orders").click();
    await page.waitForURL(/\/admin\/orders\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get("status")).toBe("paid");
    expect(Date.parse(url.searchParams.get("from") ?? "")).toBeLessThan(Date.now());
    expect(Date.parse(url.searchParams.get("to") ?? "")).toBeGreaterThan(Date.now());
  });

  it("a promo code made on its page is listed with no uses", async () => {
    await page.goto(`${panel.url}/admin/promos`);
    await page.getByRole("button", { name: "New promo code" }).click();
    await page.getByLabel("Code", { exact: true }).fill("launch15");
    await page.getByLabel("Value", { exact: true }).fill("15");
    await page.getByRole("button", { name: "Create" }).click();
    await page.getByText("Promo code LAUNCH15 created").waitFor();
    await expect.poll(() => page.getByTestId("promo-uses-LAUNCH15").textContent()).toBe("0");
    await screenshot(page, "promos");

    await page.getByRole("button", { name: "New promo code" }).click();
    await page.getByLabel("Code", { exact: true }).fill("launch15");
    await page.getByLabel("Value", { exact: true }).fill("15");
    await page.getByRole("button", { name: "Create" }).click();
    await page.getByText("The code LAUNCH15 already exists").waitFor();
  });
});

describe.skipIf(hasChromium)("sales pages", () => {
  it.skip(noChromiumReason, () => {});
});
