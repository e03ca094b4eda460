import { cliActor, createApiKey, createOrder, createProduct, settlePayment } from "@lumen/core";
import { type BotHandle, createTelegramEmulator, type TelegramEmulator } from "@lumen/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, callbackDataOf, say, sentMessage, textOf } from "./support/bot-journey.ts";
import { createTestApp, type TestApp } from "./support/test-app.ts";

/**
 * The same product started from the bot (in a chat) and from the API (the Mini App's way) is
 * paid the same way: both render what one core verb decided.
 */
let tg: TelegramEmulator;
let bot: BotHandle;
let t: TestApp;
let key: string;

beforeAll(async () => {
  tg = await createTelegramEmulator();
  bot = tg.createBot({ username: "purchase_bot", firstName: "Shop" });
  t = await createTestApp({ apiRoot: tg.apiRoot });
  key = (await createApiKey(t.core, cliActor, { name: "shop", role: "owner" })).key;
  const added = await t.app.inject({
    method: "POST",
    url: "/api/v1/bots",
    headers: { "x-auth-key": key },
    payload: { token: bot.token },
  });
  expect(added.statusCode).toBe(201);
  await tg.waitForPolling(bot, { timeoutMs: 10_000 });
});
afterAll(async () => {
  await t?.close();
  await tg?.close();
});

async function startInApi(telegramId: number, productId: string) {
  const users = await t.app.inject({
    url: `/api/v1/users?telegram_id=${telegramId}`,
    headers: { "x-auth-key": key },
  });
  const userId = users.json().items[0].id as string;
  const res = await t.app.inject({
    method: "POST",
    url: "/api/v1/orders",
    headers: { "x-auth-key": key },
    payload: { user_id: userId, product_id: productId, currency: "XTR", provider: "stars" },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { kind: string; invoice_link: string | null; order: { id: string } };
}

describe("starting a purchase from the bot and from the API", () => {
  it("sells a 30-day Stars plan as a Star subscription from both", async () => {
    const product = await createProduct(t.core, cliActor, {
      title: "Club month",
      details: { kind: "plan", planCode: "club", periodDays: 30 },
      prices: [{ currency: "XTR", amount: 300 }],
    });
    const ann = tg.createUser({ firstName: "Ann", languageCode: "en" });
    const catalog = await say(tg, bot, ann, "/buy");
    const after = tg.calls.length;
    await tg.pressButton(bot, ann, sentMessage(catalog), callbackDataOf(catalog, "Club month — 300 ⭐"));
    const fromBot = await tg.waitForCall("createInvoiceLink", () => true, { after, timeoutMs: 10_000 });
    expect(fromBot.params).toMatchObject({ currency: "XTR", subscription_period: 2_592_000 });

    const beforeApi = tg.calls.length;
    const fromApi = await startInApi(ann.id, product.id);
    const link = await tg.waitForCall("createInvoiceLink", (p) => p.payload === fromApi.order.id, {
      after: beforeApi,
    });
    expect(link.params).toMatchObject({ currency: "XTR", subscription_period: 2_592_000 });
    expect(fromApi.kind).toBe("star_subscription_link");
    expect(fromApi.invoice_link).toBe((link.response as { result: string }).result);
  });

  it("sells anything else in Stars as an invoice in the chat and as an invoice link through the API", async () => {
    const product = await createProduct(t.core, cliActor, {
      title: "Credits 50",
      details: { kind: "credits", credits: 50 },
      prices: [{ currency: "XTR", amount: 25 }],
    });
    const ben = tg.createUser({ firstName: "Ben", languageCode: "en" });
    const catalog = await say(tg, bot, ben, "/buy");
    const after = tg.calls.length;
    await tg.pressButton(bot, ben, sentMessage(catalog), callbackDataOf(catalog, "Credits 50 — 25 ⭐"));
    const invoice = await tg.waitForCall("sendInvoice", (p) => p.chat_id === ben.id, {
      after,
      timeoutMs: 10_000,
    });
    expect(invoice.params).toMatchObject({ currency: "XTR", prices: [{ amount: 25 }] });

    const fromApi = await startInApi(ben.id, product.id);
    expect(fromApi.kind).toBe("invoice_link");
    const link = tg.calls.find(
      (c) => c.method === "createInvoiceLink" && c.params.payload === fromApi.order.id,
    );
    expect(link?.params).toMatchObject({ currency: "XTR", prices: [{ amount: 25 }] });
    expect(link?.params).not.toHaveProperty("subscription_period");
  });
});

describe("a product link (/start p_<id>)", () => {
  it("opens a newcomer-only product to someone who never paid, and says it is not available once they have", async () => {
    const welcome = await createProduct(t.core, cliActor, {
      title: "Welcome 10",
      newcomersOnly: true,
      details: { kind: "credits", credits: 10 },
      prices: [{ currency: "XTR", amount: 2 }],
    });
    const regular = await createProduct(t.core, cliActor, {
      title: "Regular 10",
      details: { kind: "credits", credits: 10 },
      prices: [{ currency: "XTR", amount: 8 }],
    });
    const cleo = tg.createUser({ firstName: "Cleo", languageCode: "en" });
    const screen = await say(tg, bot, cleo, `/start p_${welcome.id}`);
    expect(textOf(screen)).toContain("Welcome 10");
    expect(buttonsOf(screen).flat()).toContain("Welcome 10 — 2 ⭐");

    const users = await t.app.inject({
      url: `/api/v1/users?telegram_id=${cleo.id}`,
      headers: { "x-auth-key": key },
    });
    const userId = users.json().items[0].id as string;
    const order = await createOrder(t.core, {
      userId,
      productId: regular.id,
      currency: "XTR",
      provider: "stars",
    });
    await settlePayment(t.core, {
      provider: "stars",
      providerPaymentId: `link-newcomer-${order.id}`,
      orderId: order.id,
      amount: order.amount,
      currency: "XTR",
      eventType: "successful_payment",
      raw: {},
    });
    const refused = await say(tg, bot, cleo, `/start p_${welcome.id}`);
    expect(textOf(refused)).toBe("This product is not available any more. Here is the main menu instead.");
    // The main menu follows the refusal; then another product opens as before.
    await tg.waitForCall("sendMessage", (p) => p.chat_id === cleo.id, {
      after: tg.calls.indexOf(refused) + 1,
    });
    const after = tg.calls.length;
    await tg.sendText(bot, cleo, `/start p_${regular.id}`);
    const other = await tg.waitForCall("sendMessage", (p) => p.chat_id === cleo.id, { after });
    expect(buttonsOf(other).flat()).toContain("Regular 10 — 8 ⭐");
  });
});
