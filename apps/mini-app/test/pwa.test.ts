import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callbackDataOf, say, sentMessage } from "../../server/test/support/bot-journey.ts";
import {
  hasChromium,
  noChromiumReason,
  openBrowser,
  startWebServer,
  type TestBrowser,
  type WebServer,
} from "../../server/test/support/web-server.ts";
import {
  installTelegramClient,
  launchUrl,
  lightTheme,
  openedInvoiceUrl,
  sendEvent,
} from "./support/telegram-client.ts";

/**
 * The same store outside Telegram, as an installed app: it signs in through the bot (a code
 * confirmed in the emulator), is installable (manifest, service worker) and opens offline; and
 * inside Telegram it reports views and checkouts for the product funnel.
 */
const phone = { width: 390, height: 844 };
const shotsDir = "/tmp/shots-pwa";

let server: WebServer;
let browser: TestBrowser;
let botId: string;
let packId: string;

const storeUrl = () => `${server.url}/app/${botId}/`;
const tokensOf = (page: Page) =>
  page.evaluate((id) => localStorage.getItem(`lumen.store.${id}.tokens`), botId);

async function shot(page: Page, name: string) {
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: `${shotsDir}/${name}.png` });
}

describe.skipIf(!hasChromium)("the store as an installed app", () => {
  beforeAll(async () => {
    server = await startWebServer({ apiKey: true, webApps: ["mini-app"] });
    browser = await openBrowser();
    botId = (await server.api("GET", "/api/v1/bots")).body.items[0].id;
    await server.tg.waitForPolling(server.bot, { timeoutMs: 30_000 });
    const pack = await server.api("POST", "/api/v1/products", {
      title: "Forty questions",
      description: "Credits for the AI assistant, never expire.",
      details: { kind: "credits", credits: 40 },
      prices: [{ currency: "XTR", amount: 20 }],
    });
    expect(pack.status).toBe(201);
    packId = pack.body.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("signs in with Telegram: a code confirmed in the bot opens the store with a session, refreshed on 401, dropped on sign out", async () => {
    const page = await browser.newPage(phone);
    const authorizations: string[] = [];
    page.on("request", (r) => {
      if (r.url().endsWith(`/api/v1/app/${botId}/catalog`))
        authorizations.push(r.headers().authorization ?? "");
    });
    await page.goto(storeUrl());
    await page.getByRole("heading", { name: "Sign in with Telegram" }).waitFor();
    const codeText = page.getByTestId("sign-in-code");
    await codeText.waitFor();
    const code = (await codeText.textContent())?.trim() ?? "";
    expect(code).toMatch(/^[A-Z2-9]{10}$/);
    expect(await page.getByTestId("sign-in-link").getAttribute("href")).toBe(
      `https://t.me/lumen_panel_bot?start=login_${code}`,
    );
    await page.getByText("Waiting for your answer in Telegram…").waitFor();
    await shot(page, "sign-in-light");
    await page.emulateMedia({ colorScheme: "dark" });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.classList.contains("dark")))
      .toBe(true);
    await shot(page, "sign-in-dark");
    await page.emulateMedia({ colorScheme: "light" });

    const pia = server.tg.createUser({ firstName: "Pia", languageCode: "en" });
    const question = await say(server.tg, server.bot, pia, `/start login_${code}`);
    await server.tg.pressButton(
      server.bot,
      pia,
      sentMessage(question),
      callbackDataOf(question, "✅ Yes, sign in"),
    );

    const card = page.getByTestId("product-card").filter({ hasText: "Forty questions" });
    await card.waitFor();
    expect(authorizations.at(-1)).toMatch(/^Bearer \S+$/);
    await shot(page, "catalog-signed-in");

    // An access token the server no longer takes: the app trades the refresh token once and goes on.
    const before = JSON.parse((await tokensOf(page)) ?? "null");
    await page.evaluate(
      ([id, tokens]) =>
        localStorage.setItem(
          `lumen.store.${id}.tokens`,
          JSON.stringify({ ...tokens, access_token: "spent" }),
        ),
      [botId, before] as const,
    );
    await page.reload();
    await card.waitFor();
    const after = JSON.parse((await tokensOf(page)) ?? "null");
    expect(after.refresh_token).not.toBe(before.refresh_token);
    expect(after.access_token).not.toBe("spent");

    // Paying outside Telegram: the invoice's t.me link goes to Telegram in a new tab, the buyer pays
    // there, and the order page here follows the order until the payment lands.
    await card.click();
    // No internet here: Telegram's side of the link is a blank page the test answers itself.
    await browser.context.route("https://t.me/**", (route) => route.fulfill({ body: "Telegram" }));
    const popup = browser.context.waitForEvent("page");
    await page.getByRole("button", { name: "Pay 20 ⭐" }).click();
    const invoiceTab = await popup;
    await invoiceTab.waitForLoadState();
    const invoiceUrl = invoiceTab.url();
    expect(invoiceUrl).toMatch(/^https:\/\/t\.me\/\$/);
    await invoiceTab.close();
    await page.waitForURL(/\/orders\//);
    await page.getByText("Waiting for the payment…").waitFor();
    expect((await server.tg.payInvoice(server.bot, pia, invoiceUrl)).ok).toBe(true);
    await page.getByTestId("order-paid").waitFor();
    await expect.poll(() => page.getByTestId("receipt").textContent()).toContain("Telegram Stars");
    await shot(page, "paid-outside-telegram");

    await page.getByRole("link", { name: "My account" }).click();
    await expect.poll(() => page.getByTestId("signed-in-as").textContent()).toContain("Pia");
    // The paid order opens its receipt, which prints on its own outside Telegram.
    await page
      .getByTestId("orders")
      .getByRole("link", { name: /Forty questions/ })
      .click();
    await page.waitForURL(/\/receipts\//);
    await expect.poll(() => page.getByTestId("receipt").textContent()).toMatch(/SellerLumen Shop/);
    expect(await page.title()).toBe("Lumen Shop");
    await page.getByRole("button", { name: "Print / Save as PDF" }).waitFor();
    await shot(page, "receipt-outside-telegram");
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("button", { name: "Print / Save as PDF" }).isVisible()).toBe(false);
    await shot(page, "receipt-print");
    await page.emulateMedia({ media: "screen" });
    await page.getByRole("link", { name: "Back to my account" }).click();
    await page.getByTestId("signed-in-as").waitFor();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in with Telegram" }).waitFor();
    expect(await tokensOf(page)).toBeNull();
    await page.close();
  });

  it("shows a refusal in the bot and offers a new code", async () => {
    const page = await browser.newPage(phone);
    await page.goto(storeUrl());
    const code = (await page.getByTestId("sign-in-code").textContent())?.trim() ?? "";
    const rex = server.tg.createUser({ firstName: "Rex", languageCode: "en" });
    const question = await say(server.tg, server.bot, rex, `/start login_${code}`);
    await server.tg.pressButton(server.bot, rex, sentMessage(question), callbackDataOf(question, "❌ No"));
    await page.getByRole("alert").filter({ hasText: "The sign-in was refused in Telegram." }).waitFor();
    await page.getByRole("button", { name: "Try again" }).click();
    await expect
      .poll(async () => (await page.getByTestId("sign-in-code").textContent())?.trim())
      .not.toBe(code);
    await page.close();
  });

  it("serves the manifest and service worker per bot, and the shell opens offline", async () => {
    const manifest = await fetch(`${storeUrl()}manifest.webmanifest`);
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get("content-type")).toContain("application/manifest+json");
    expect(manifest.headers.get("cache-control")).toBe("no-cache");
    const fields = await manifest.json();
    // The home screen shows the bot's own name (the test bot is "Lumen Shop").
    expect(fields).toMatchObject({
      id: `/app/${botId}/`,
      start_url: `/app/${botId}/`,
      scope: `/app/${botId}/`,
      display: "standalone",
      name: "Lumen Shop",
      short_name: "Lumen Shop",
    });
    for (const icon of fields.icons as { src: string; sizes: string }[]) {
      const png = await fetch(new URL(icon.src, manifest.url));
      expect(png.headers.get("content-type")).toBe("image/png");
    }
    const worker = await fetch(`${storeUrl()}sw.js`);
    expect(worker.headers.get("content-type")).toMatch(/javascript/);
    expect(worker.headers.get("cache-control")).toBe("no-cache");
    const page = await fetch(storeUrl());
    expect(page.headers.get("content-security-policy")).toContain("worker-src 'self'");
    expect(page.headers.get("content-security-policy")).toContain("manifest-src 'self'");

    const offlineBrowser = await openBrowser();
    try {
      const tab = await offlineBrowser.newPage(phone);
      await tab.goto(storeUrl());
      await tab.getByTestId("sign-in-code").waitFor();
      expect(
        await tab.evaluate(() => document.querySelector<HTMLLinkElement>("link[rel=manifest]")?.href),
      ).toBe(`${storeUrl()}manifest.webmanifest`);
      await tab.waitForFunction(() => navigator.serviceWorker.controller !== null);
      expect(await tab.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(storeUrl());

      await offlineBrowser.context.setOffline(true);
      await tab.reload();
      await tab.getByRole("heading", { name: "Sign in with Telegram" }).waitFor();
      await tab.getByTestId("offline-note").waitFor();
      await tab.getByRole("alert").filter({ hasText: "No connection to the store" }).waitFor();
      await shot(tab, "offline");
      await offlineBrowser.context.setOffline(false);
    } finally {
      await offlineBrowser.close();
    }
  });

  it("inside Telegram reports the product viewed and the checkout started for the funnel", async () => {
    const buyer = server.tg.createUser({ firstName: "Eve", languageCode: "en" });
    const page = await browser.newPage(phone);
    await installTelegramClient(page, lightTheme);
    const initData = server.tg.launchMiniApp(server.bot, buyer, { startParam: "menu" });
    await page.goto(launchUrl(storeUrl(), initData, lightTheme));
    await page.getByTestId("product-card").filter({ hasText: "Forty questions" }).click();
    await page.getByRole("heading", { name: "Forty questions" }).waitFor();
    await sendEvent(page, "main_button_pressed");
    await openedInvoiceUrl(page);

    const funnel = async () =>
      (await server.api("GET", `/api/v1/analytics/funnel?bot_id=${botId}`)).body.items.find(
        (i: { product_id: string }) => i.product_id === packId,
      );
    // The app sends its events in batches every 5 s, and the server writes them in batches too.
    const batches = { timeout: 30_000, interval: 250 };
    await expect.poll(async () => (await funnel())?.viewed ?? 0, batches).toBeGreaterThanOrEqual(1);
    await expect.poll(async () => (await funnel())?.checkout ?? 0, batches).toBeGreaterThanOrEqual(1);
    await page.close();
  });
});

if (!hasChromium) console.warn(noChromiumReason);
