import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { createFakeYooKassa, type FakeYooKassa } from "@lumen/testkit";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  hasChromium,
  noChromiumReason,
  openBrowser,
  screenshot,
  startWebServer,
  type TestBrowser,
  type WebServer,
} from "../../server/test/support/web-server.ts";
import {
  darkTheme,
  installTelegramClient,
  launchUrl,
  lightTheme,
  openedInvoiceUrl,
  postedEvents,
  sendEvent,
  type ThemeParams,
} from "./support/telegram-client.ts";

/**
 * The Mini App store in Chromium against the real server and the Telegram emulator: Telegram's
 * client is a stub at the SDK's bridge (see support/telegram-client.ts), the launch data is signed
 * by the emulator with the bot's token, and the invoice the app opens is paid in the emulator.
 */
const phone = { width: 390, height: 844 };
/** Set MINI_APP_SHOTS=/some/dir to keep full-size screenshots of each screen for a person to look at. */
const shotsDir = process.env.MINI_APP_SHOTS;

let server: WebServer;
let yookassa: FakeYooKassa;
let browser: TestBrowser;
let botId: string;
let packId: string;

async function shot(page: Page, name: string) {
  if (!shotsDir) return screenshot(page, `mini-app-${name}`);
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: join(shotsDir, `${name}.png`) });
}

async function openStore(user: { firstName: string; languageCode?: string }, theme: ThemeParams) {
  const buyer = server.tg.createUser(user);
  const page = await browser.newPage(phone);
  await installTelegramClient(page, theme);
  const initData = server.tg.launchMiniApp(server.bot, buyer, { startParam: "menu" });
  await page.goto(launchUrl(`${server.url}/app/${botId}/`, initData, theme));
  return { page, buyer };
}

describe.skipIf(!hasChromium)("the Mini App store", () => {
  beforeAll(async () => {
    yookassa = await createFakeYooKassa({ shopId: "100600", secretKey: "store_secret" });
    server = await startWebServer({
      apiKey: true,
      webApps: ["mini-app"],
      env: {
        YOOKASSA_SHOP_ID: "100600",
        YOOKASSA_SECRET_KEY: "store_secret",
        YOOKASSA_API_URL: yookassa.baseUrl,
        // Everything runs on 127.0.0.1 here; the allowlist is tested against real ranges elsewhere.
        YOOKASSA_ALLOWED_IPS: "*",
      },
    });
    browser = await openBrowser();
    const bots = await server.api("GET", "/api/v1/bots");
    botId = bots.body.items[0].id;
    await server.tg.waitForPolling(server.bot, { timeoutMs: 30_000 });
    const pack = await server.api("POST", "/api/v1/products", {
      title: "Forty questions",
      description: "Credits for the AI assistant, never expire.",
      category: "AI credits",
      details: { kind: "credits", credits: 40 },
      prices: [{ currency: "XTR", amount: 20 }],
    });
    expect(pack.status).toBe(201);
    packId = pack.body.id;
    // The plan also opens a channel, which "My account" then links to.
    const channel = server.tg.createChat({ type: "channel", title: "Pro signals" });
    await server.tg.addBotToChat(server.bot, channel, {
      status: "administrator",
      rights: { can_invite_users: true, can_restrict_members: true },
    });
    await vi.waitFor(
      async () => expect((await server.api("GET", "/api/v1/channels")).body.items).toHaveLength(1),
      {
        timeout: 15_000,
      },
    );
    const plan = await server.api("POST", "/api/v1/products", {
      title: "Pro month",
      description: "Unlimited questions for 30 days.",
      category: "Plans",
      details: { kind: "plan", plan_code: "pro", period_days: 30, channel_ids: [channel.id] },
      prices: [
        { currency: "XTR", amount: 250 },
        { currency: "RUB", amount: 39900 },
      ],
    });
    expect(plan.status).toBe(201);
    const roubles = await server.api("POST", "/api/v1/products", {
      title: "Rouble pack",
      description: "Paid by card on YooKassa's page.",
      category: "AI credits",
      image_url: `${server.url}/app/favicon.svg`,
      details: { kind: "credits", credits: 42 },
      prices: [{ currency: "RUB", amount: 4200 }],
    });
    expect(roubles.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await yookassa?.close();
  });

  it("sells a credits pack for Stars: catalog → product → main button → invoice paid in Telegram → the grant, no reload", async () => {
    const { page, buyer } = await openStore({ firstName: "Ivy", languageCode: "en" }, lightTheme);
    const card = page.getByTestId("product-card").filter({ hasText: "Forty questions" });
    await expect.poll(() => card.textContent()).toContain("20 ⭐");
    expect(await card.textContent()).toContain("40 credits");
    await shot(page, "catalog-light");
    await card.click();

    await page.getByRole("heading", { name: "Forty questions" }).waitFor();
    await expect
      .poll(async () =>
        (await postedEvents(page)).filter((e) => e.type === "web_app_setup_main_button").at(-1),
      )
      .toMatchObject({ params: { is_visible: true, is_active: true, text: "Pay 20 ⭐" } });
    const events = await postedEvents(page);
    // The boot the official template does: theme requested, placeholder hidden, full height.
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(["web_app_ready", "web_app_expand"]));
    expect(events.filter((e) => e.type === "web_app_setup_back_button").at(-1)?.params).toEqual({
      is_visible: true,
    });
    await shot(page, "product-light");

    await sendEvent(page, "main_button_pressed");
    const url = await openedInvoiceUrl(page);
    const paid = await server.tg.payInvoice(server.bot, buyer, url);
    expect(paid.ok).toBe(true);
    // A mark on this very document: if the app reloaded to show the grant, it would be gone.
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await sendEvent(page, "invoice_closed", { slug: url.split("$")[1], status: "paid" });

    const success = page.getByTestId("order-paid");
    await success.waitFor();
    expect(await success.textContent()).toContain("Your balance: 40 credits");
    expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await expect
      .poll(async () => (await postedEvents(page)).some((e) => e.type === "web_app_trigger_haptic_feedback"))
      .toBe(true);
    expect(
      (await postedEvents(page)).find((e) => e.type === "web_app_trigger_haptic_feedback")?.params,
    ).toEqual({
      type: "notification",
      notification_type: "success",
    });
    await shot(page, "paid-light");
    // The store's receipt under the result: the total, how it was paid, the provider's payment id.
    await expect
      .poll(() => page.getByTestId("receipt").textContent())
      .toMatch(/Total20 ⭐Paid withTelegram Stars/);

    await page.getByRole("link", { name: "My account" }).click();
    await expect.poll(() => page.getByTestId("balance").textContent()).toBe("40 credits");
    await expect.poll(() => page.getByTestId("orders").textContent()).toMatch(/Forty questions.*paid/);
    // The paid order opens its receipt: the product, what it gave, the amount, the seller.
    await page
      .getByTestId("orders")
      .getByRole("link", { name: /Forty questions/ })
      .click();
    const receipt = page.getByTestId("receipt");
    await expect
      .poll(() => receipt.textContent())
      .toMatch(/SellerLumen ShopItemForty questionsWhat you got40 creditsTotal20 ⭐/);
    expect(await receipt.textContent()).toMatch(/Paid on.*Payment id.*Statuspaid$/);
    // Inside Telegram there is nothing to print to: no print button, Telegram's back button instead.
    expect(await page.getByRole("button", { name: "Print / Save as PDF" }).count()).toBe(0);
    await shot(page, "receipt-light");
    await sendEvent(page, "back_button_pressed");
    await expect.poll(() => page.getByTestId("credit-history").textContent()).toMatch(/Purchase.*\+40/);
    // The partner link the bot's /partner gives, and a language switch that the bot follows too.
    await expect
      .poll(() => page.getByTestId("partner-link").textContent())
      .toMatch(/^https:\/\/t\.me\/\w+\?start=ref_[\w-]+$/);
    await shot(page, "account-partner-light");
    await page.getByRole("button", { name: "Русский" }).click();
    await page.getByRole("link", { name: "Мой аккаунт" }).waitFor();
    expect(await page.getByRole("button", { name: "Русский" }).getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => page.getByTestId("balance").textContent()).toBe("Кредитов: 40");
    const users = await server.api("GET", `/api/v1/users?telegram_id=${buyer.id}`);
    expect(users.body.items[0].locale).toBe("ru");
    await page.close();
  });

  it("speaks Russian to a Russian Telegram user, offers both currencies, and sells a 30-day plan as a Stars subscription", async () => {
    const { page, buyer } = await openStore({ firstName: "Олег", languageCode: "ru" }, darkTheme);
    const card = page.getByTestId("product-card").filter({ hasText: "Pro month" });
    await expect.poll(() => card.textContent()).toContain("Тариф на 30 дн.");
    expect(await page.getByRole("link", { name: "Мой аккаунт" }).isVisible()).toBe(true);
    // The Telegram theme drives the page: the dark secondary background, not the light fallback.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      "rgb(15, 15, 15)",
    );
    expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
    await shot(page, "catalog-dark");

    await card.click();
    // A tap on the visible choice, as a finger does (the radio inside is visually hidden).
    await page.locator("label").filter({ hasText: "Рубли" }).click();
    expect(await page.getByRole("radio", { name: /Рубли/ }).isChecked()).toBe(true);
    await expect
      .poll(async () =>
        (await postedEvents(page)).filter((e) => e.type === "web_app_setup_main_button").at(-1),
      )
      .toMatchObject({ params: { text: "Оплатить 399 ₽" } });
    await shot(page, "product-dark");

    await page.locator("label").filter({ hasText: "Звёзды" }).click();
    await expect
      .poll(async () =>
        (await postedEvents(page)).filter((e) => e.type === "web_app_setup_main_button").at(-1),
      )
      .toMatchObject({ params: { text: "Оплатить 250 ⭐" } });
    await sendEvent(page, "main_button_pressed");
    const url = await openedInvoiceUrl(page);
    const link = await server.tg.waitForCall("createInvoiceLink", (p) => p.subscription_period !== undefined);
    expect(link.params).toMatchObject({ currency: "XTR", subscription_period: 2592000 });
    expect((await server.tg.payInvoice(server.bot, buyer, url)).ok).toBe(true);
    await sendEvent(page, "invoice_closed", { slug: url.split("$")[1], status: "paid" });
    const success = page.getByTestId("order-paid");
    await success.waitFor();
    expect(await success.textContent()).toMatch(/Тариф действует до \d+ \S+ \d{4}/);
    await shot(page, "paid-plan-dark");

    await page.getByRole("link", { name: "Мой аккаунт" }).click();
    await page.getByTestId("plan").getByText("Pro month", { exact: true }).waitFor();
    // The channel the plan opens, with the buyer's personal link, opened by Telegram in place.
    const chat = page.getByTestId("plan-chat").filter({ hasText: "Pro signals" });
    await chat.getByRole("button", { name: "Вступить" }).click();
    await expect
      .poll(async () => (await postedEvents(page)).filter((e) => e.type === "web_app_open_tg_link").at(-1))
      .toMatchObject({ params: { path_full: expect.stringMatching(/^\/\+/) } });
    await shot(page, "account-dark");
    // A plan Telegram renews can be stopped here, after a second tap that says what it means.
    await page.getByRole("button", { name: "Отключить продление" }).click();
    await page.getByText(/Отключить продление\? Доступ сохранится до/).waitFor();
    await page.getByRole("button", { name: "Отключить продление" }).click();
    await page.getByText(/Продление отключено/).waitFor();
    const told = await server.tg.waitForCall("editUserStarSubscription", (p) => p.user_id === buyer.id);
    expect(told.params.is_canceled).toBe(true);
    // A plan that no longer renews by itself is renewed by buying it again.
    const renew = page.getByTestId("plan").getByRole("link", { name: "Продлить" });
    await renew.waitFor();
    await shot(page, "account-renew-dark");
    await renew.click();
    await page.getByRole("heading", { name: "Pro month" }).waitFor();
    await page.close();
  });

  it("pays roubles on YooKassa's page and follows the order until the payment lands", async () => {
    const { page } = await openStore({ firstName: "Dee" }, lightTheme);
    const card = page.getByTestId("product-card").filter({ hasText: "Rouble pack" });
    expect(await card.locator("img").getAttribute("src")).toBe(`${server.url}/app/favicon.svg`);
    await card.click();
    await page.getByRole("heading", { name: "Rouble pack" }).waitFor();
    await expect
      .poll(async () =>
        (await postedEvents(page)).filter((e) => e.type === "web_app_setup_main_button").at(-1),
      )
      .toMatchObject({ params: { is_visible: true, text: "Pay 42 ₽" } });
    await sendEvent(page, "main_button_pressed");

    // The app asks Telegram to open YooKassa's page in the browser, then waits on the order page.
    await expect
      .poll(async () => (await postedEvents(page)).some((e) => e.type === "web_app_open_link"))
      .toBe(true);
    const opened = (await postedEvents(page)).find((e) => e.type === "web_app_open_link");
    const payment = yookassa.payments.at(-1);
    expect(payment?.status).toBe("pending");
    expect(opened?.params?.url).toBe(payment?.confirmation?.confirmation_url);
    await page.getByText("Waiting for the payment…").waitFor();

    yookassa.succeed(payment?.id as string);
    const hook = await yookassa.sendWebhook(
      `${server.url}/api/v1/payments/yookassa/webhook`,
      "payment.succeeded",
      payment?.id as string,
    );
    expect(hook.status).toBe(200);
    const success = page.getByTestId("order-paid");
    await success.waitFor();
    expect(await success.textContent()).toContain("Your balance: 42 credits");
    await page.close();
  });

  it("keeps the buyer on the product with a notice when the invoice sheet is closed unpaid", async () => {
    const { page } = await openStore({ firstName: "Cy" }, lightTheme);
    await page.getByTestId("product-card").filter({ hasText: "Forty questions" }).click();
    await page.getByRole("heading", { name: "Forty questions" }).waitFor();
    await page.getByLabel("Promo code").fill("");
    await sendEvent(page, "main_button_pressed");
    const url = await openedInvoiceUrl(page);
    await sendEvent(page, "invoice_closed", { slug: url.split("$")[1], status: "cancelled" });
    await page.getByRole("status").filter({ hasText: "Payment cancelled. Nothing was charged." }).waitFor();
    expect(page.url()).toContain(`/products/${packId}`);
    await page.close();
  });

  it("shows the catalog by category: a chip per shelf, kept in the address", async () => {
    const { page } = await openStore({ firstName: "Cat" }, lightTheme);
    const shelves = page.getByRole("navigation", { name: "Categories" });
    await expect
      .poll(() => shelves.getByRole("button").allTextContents())
      .toEqual(["All", "AI credits", "Plans"]);
    expect(await page.getByTestId("product-card").count()).toBe(3);
    await shelves.getByRole("button", { name: "Plans" }).click();
    await expect
      .poll(() => page.getByTestId("product-card").allTextContents())
      .toEqual([expect.stringContaining("Pro month")]);
    expect(page.url()).toContain("shelf=Plans");
    await shot(page, "catalog-shelf");
    await shelves.getByRole("button", { name: "All" }).click();
    await expect.poll(() => page.getByTestId("product-card").count()).toBe(3);
    await page.close();
  });

  it("shows a product page directly by its address, and its back button leads to the catalog", async () => {
    const { page } = await openStore({ firstName: "Bo" }, lightTheme);
    await page.getByTestId("product-card").first().waitFor();
    await page.evaluate((id) => {
      history.pushState({}, "", `${location.pathname}products/${id}`);
      dispatchEvent(new PopStateEvent("popstate"));
    }, packId);
    await page.getByRole("heading", { name: "Forty questions" }).waitFor();
    // Press it once the page has shown it (and so listens for it), as a person can only then.
    await expect
      .poll(async () =>
        (await postedEvents(page)).filter((e) => e.type === "web_app_setup_back_button").at(-1),
      )
      .toMatchObject({ params: { is_visible: true } });
    await sendEvent(page, "back_button_pressed");
    await page.waitForURL(`${server.url}/app/${botId}/`);
    await page.getByTestId("product-card").first().waitFor();
    await page.close();
  });

  it("without a bot in the address asks to open the store from Telegram", async () => {
    const page = await browser.newPage(phone);
    await page.goto(`${server.url}/app/`);
    await page.getByRole("heading", { name: "Open this store from Telegram" }).waitFor();
    expect(await page.getByTestId("product-card").count()).toBe(0);
    await shot(page, "outside-telegram");
    await page.close();
  });
});

if (!hasChromium) console.warn(noChromiumReason);
