import type { BotHandle, TelegramEmulator } from "@lumen/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, callbackDataOf, say, sentMessage, textOf } from "../support/bot-journey.ts";
import { type BotSuite, startBotSuite } from "../support/bot-suite.ts";
import { callApi, type LumenProcess } from "../support/lumen-process.ts";

let tg: TelegramEmulator;
let bot: BotHandle;
let lumen: LumenProcess;
let adminKey: string;
let adminChatId: number;

let suite: BotSuite;
beforeAll(async () => {
  suite = await startBotSuite({
    username: "shop_stars_bot",
    firstName: "Shop",
    env: {
      TELEGRAM_CHAT_RATE_PER_SECOND: "50",
      TELEGRAM_PROVIDER_TOKEN: "381764678:TEST:provider",
      PAYMENTS_MOCK: "true",
    },
    async prepare(emulator, shopBot) {
      const channel = emulator.createChat({ type: "channel", title: "Sales" });
      adminChatId = channel.id;
      await emulator.addBotToChat(shopBot, channel, {
        status: "administrator",
        rights: { can_post_messages: true },
      });
      return { ADMIN_CHAT_ID: String(adminChatId) };
    },
  });
  ({ tg, bot, lumen, key: adminKey } = suite);
});

afterAll(() => suite?.stop());

const api = (method: string, path: string, body?: unknown) => callApi(lumen, adminKey, method, path, body);

async function addProduct(title: string, credits: number, stars: number) {
  const res = await api("POST", "/api/v1/products", {
    title,
    details: { kind: "credits", credits },
    prices: [{ currency: "XTR", amount: stars }],
  });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

/** Opens /buy, presses the product's Stars button and returns the invoice the bot sent. */
async function requestInvoice(user: { id: number }, label: string) {
  const catalog = await say(tg, bot, user, "/buy");
  const after = tg.calls.length;
  await tg.pressButton(bot, user, sentMessage(catalog), callbackDataOf(catalog, label));
  return tg.waitForCall("sendInvoice", (p) => p.chat_id === user.id, { after });
}

async function balanceOf(telegramId: number) {
  const { body } = await api("GET", `/api/v1/users?telegram_id=${telegramId}`);
  const id = body.items[0].id as string;
  return { id, balance: (await api("GET", `/api/v1/users/${id}/credits`)).body.balance as number };
}

/** Buys the product with the mock provider from the bot and returns the receipt. */
async function buyWithMock(user: { id: number }, title: string) {
  const catalog = await say(tg, bot, user, "/buy");
  const after = tg.calls.length;
  await tg.pressButton(
    bot,
    user,
    sentMessage(catalog),
    callbackDataOf(catalog, `🧪 ${title} — test payment`),
  );
  const started = await tg.waitForCall("sendMessage", (p) => p.chat_id === user.id, { after });
  expect(textOf(started)).toContain("Test payment started");
  return tg.waitForCall("sendMessage", (p) => p.chat_id === user.id && String(p.text).startsWith("✅"), {
    after,
    timeoutMs: 20_000,
  });
}

describe("buying with Telegram Stars", () => {
  it("invoice, pre-checkout, payment: credits once, a receipt, and a notice to the operators", async () => {
    await addProduct("100 credits", 100, 50);
    const ann = tg.createUser({ firstName: "Ann", username: "ann", languageCode: "en" });
    await say(tg, bot, ann, "/start");
    const catalog = await say(tg, bot, ann, "/buy");
    expect(textOf(catalog)).toBe("💳 Choose what to buy:");
    expect(buttonsOf(catalog)).toContainEqual(["100 credits — 50 ⭐"]);

    const invoice = await requestInvoice(ann, "100 credits — 50 ⭐");
    expect(invoice.params).toMatchObject({
      currency: "XTR",
      prices: [{ label: "100 credits", amount: 50 }],
      title: "100 credits",
    });
    const paid = await tg.payInvoice(bot, ann, sentMessage(invoice), { repeatSuccessfulPayment: 4 });
    expect(paid.ok).toBe(true);

    const receipt = await tg.waitForCall(
      "sendMessage",
      (p) => p.chat_id === ann.id && String(p.text).startsWith("✅"),
      { timeoutMs: 15_000 },
    );
    expect(textOf(receipt)).toBe("✅ Payment received: +100 credits. Balance: 100.");
    const notice = await tg.waitForCall(
      "sendMessage",
      (p) => p.chat_id === adminChatId && String(p.text).includes("«100 credits»"),
      { timeoutMs: 15_000 },
    );
    expect(textOf(notice)).toMatch(/^💰 Sale: «100 credits» — 50 XTR via stars\. Buyer: @ann/);

    await tg.waitUntilHandled(bot);
    expect((await balanceOf(ann.id)).balance).toBe(100);
    const orders = await api("GET", `/api/v1/orders?user_id=${(await balanceOf(ann.id)).id}`);
    expect(orders.body.items).toMatchObject([
      { status: "paid", amount: 50, currency: "XTR", provider: "stars" },
    ]);
    const receipts = tg.calls.filter(
      (c) =>
        c.method === "sendMessage" && c.params.chat_id === ann.id && String(c.params.text).startsWith("✅"),
    );
    expect(receipts).toHaveLength(1);
  });

  it("declines pre-checkout for a product taken off sale, or a wrong amount", async () => {
    const product = await addProduct("Old pack", 10, 5);
    const bo = tg.createUser({ firstName: "Bo", languageCode: "en" });
    await say(tg, bot, bo, "/start");
    const wrong = await requestInvoice(bo, "Old pack — 5 ⭐");
    const tampered = await tg.payInvoice(bot, bo, sentMessage(wrong), { totalAmount: 1 });
    expect(tampered).toMatchObject({
      ok: false,
      errorMessage: "The price has changed. Please start the purchase again.",
    });

    const invoice = await requestInvoice(bo, "Old pack — 5 ⭐");
    expect((await api("DELETE", `/api/v1/products/${product.id}`)).body.active).toBe(false);
    const declined = await tg.payInvoice(bot, bo, sentMessage(invoice));
    expect(declined).toMatchObject({ ok: false, errorMessage: "This product is not on sale any more." });
    expect((await balanceOf(bo.id)).balance).toBe(0);
  });

  it("refunds: refundStarPayment is called and the credits are taken back", async () => {
    await addProduct("Refundable pack", 20, 10);
    const cy = tg.createUser({ firstName: "Cy", languageCode: "ru" });
    await say(tg, bot, cy, "/start");
    const invoice = await requestInvoice(cy, "Refundable pack — 10 ⭐");
    const paid = await tg.payInvoice(bot, cy, sentMessage(invoice));
    await tg.waitForCall("sendMessage", (p) => p.chat_id === cy.id && String(p.text).startsWith("✅"), {
      timeoutMs: 15_000,
    });
    const { id: userId, balance } = await balanceOf(cy.id);
    expect(balance).toBe(20);
    const [order] = (await api("GET", `/api/v1/orders?user_id=${userId}`)).body.items;

    const refunded = await api("POST", `/api/v1/orders/${order.id}/refund`, {});
    expect(refunded.body).toMatchObject({ status: "refunded" });
    const call = await tg.waitForCall("refundStarPayment", (p) => p.user_id === cy.id);
    expect(call.params).toMatchObject({
      user_id: cy.id,
      telegram_payment_charge_id: paid.payment?.telegram_payment_charge_id,
    });
    expect(
      tg.payments.find(
        (p) => p.payment.telegram_payment_charge_id === paid.payment?.telegram_payment_charge_id,
      )?.refunded,
    ).toBe(true);
    expect((await balanceOf(cy.id)).balance).toBe(0);
    const told = await tg.waitForCall(
      "sendMessage",
      (p) => p.chat_id === cy.id && String(p.text).startsWith("↩️"),
      { timeoutMs: 15_000 },
    );
    expect(textOf(told)).toBe("↩️ Оплата за «Refundable pack» возвращена.");
    const again = await api("POST", `/api/v1/orders/${order.id}/refund`, {});
    expect([again.status, again.body.error.code]).toEqual([409, "CONFLICT"]);
  });

  it("issues a Stars invoice link for the Mini App through the API, paid like an invoice", async () => {
    const product = await addProduct("Link pack", 15, 8);
    const gil = tg.createUser({ firstName: "Gil", languageCode: "en" });
    await say(tg, bot, gil, "/start");
    const { id: userId } = await balanceOf(gil.id);
    const started = await api("POST", "/api/v1/orders", {
      user_id: userId,
      product_id: product.id,
      currency: "XTR",
      provider: "stars",
    });
    expect(started.status).toBe(201);
    expect(started.body.invoice_link).toMatch(/^https:\/\/t\.me\/\$/);
    expect((await tg.payInvoice(bot, gil, started.body.invoice_link)).ok).toBe(true);
    await tg.waitForCall("sendMessage", (p) => p.chat_id === gil.id && String(p.text).startsWith("✅"), {
      timeoutMs: 15_000,
    });
    expect((await balanceOf(gil.id)).balance).toBe(15);
  });

  it("sells in rubles through a Telegram Payments provider token", async () => {
    const res = await api("POST", "/api/v1/products", {
      title: "Ruble pack",
      details: { kind: "credits", credits: 30 },
      prices: [{ currency: "RUB", amount: 29_900 }],
    });
    expect(res.status).toBe(201);
    const eve = tg.createUser({ firstName: "Eve", languageCode: "en" });
    await say(tg, bot, eve, "/start");
    const invoice = await requestInvoice(eve, "Ruble pack — 299 ₽");
    expect(invoice.params).toMatchObject({
      currency: "RUB",
      provider_token: "381764678:TEST:provider",
      prices: [{ amount: 29_900 }],
    });
    expect((await tg.payInvoice(bot, eve, sentMessage(invoice))).ok).toBe(true);
    await tg.waitForCall("sendMessage", (p) => p.chat_id === eve.id && String(p.text).startsWith("✅"), {
      timeoutMs: 15_000,
    });
    const { id } = await balanceOf(eve.id);
    expect((await api("GET", `/api/v1/orders?user_id=${id}`)).body.items[0]).toMatchObject({
      provider: "telegram",
      status: "paid",
      currency: "RUB",
    });
    expect((await balanceOf(eve.id)).balance).toBe(30);
  });

  it("completes a test purchase without money when PAYMENTS_MOCK is on", async () => {
    await addProduct("Mock pack", 7, 3);
    const fin = tg.createUser({ firstName: "Fin", languageCode: "en" });
    await say(tg, bot, fin, "/start");
    const receipt = await buyWithMock(fin, "Mock pack");
    expect(textOf(receipt)).toBe("✅ Payment received: +7 credits. Balance: 7.");
  });

  it("applies a promo code from /promo or a promo_ link to the invoice, and refuses unknown codes", async () => {
    await addProduct("Promo pack", 40, 200);
    const promo = await api("POST", "/api/v1/promos", { code: "spring25", kind: "percent_off", value: 25 });
    expect(promo.status).toBe(201);
    const hal = tg.createUser({ firstName: "Hal", languageCode: "en" });
    const applied = await say(tg, bot, hal, "/start promo_SPRING25");
    expect(textOf(applied)).toBe("🎟 Promo code SPRING25 is applied to your next purchase.");
    const greeting = await tg.waitForCall(
      "sendMessage",
      (p) => p.chat_id === hal.id && String(p.text).startsWith("Hi, Hal"),
      {
        after: applied.index + 1,
      },
    );
    await tg.sendText(bot, hal, "/promo NOSUCH");
    const refused = await tg.waitForCall("sendMessage", (p) => p.chat_id === hal.id, {
      after: greeting.index + 1,
    });
    expect(textOf(refused)).toBe("There is no such promo code.");
    const catalog = await say(tg, bot, hal, "/buy");
    expect(textOf(catalog)).toContain("Promo code SPRING25 will be applied at checkout.");
    const invoice = await requestInvoice(hal, "Promo pack — 200 ⭐");
    expect(invoice.params.prices).toEqual([{ label: "Promo pack", amount: 150 }]);
    expect((await tg.payInvoice(bot, hal, sentMessage(invoice))).ok).toBe(true);
    await tg.waitForCall("sendMessage", (p) => p.chat_id === hal.id && String(p.text).startsWith("✅"), {
      timeoutMs: 15_000,
    });
    const promos = await api("GET", "/api/v1/promos");
    expect(promos.body.items.find((p: { code: string }) => p.code === "SPRING25")).toMatchObject({ uses: 1 });
    expect(textOf(await say(tg, bot, hal, "/promo spring25"))).toBe("You have already used this promo code.");
  });

  it("gives partners a referral link that attributes newcomers once, and shows what they brought", async () => {
    const pat = tg.createUser({ firstName: "Pat", languageCode: "en" });
    await say(tg, bot, pat, "/start");
    const first = textOf(await say(tg, bot, pat, "/partner"));
    const link = first.match(/https:\/\/t\.me\/shop_stars_bot\?start=(ref_[a-z0-9]+)/)?.[1];
    expect(link).toBeDefined();
    const newcomer = tg.createUser({ firstName: "Neo", languageCode: "en" });
    await say(tg, bot, newcomer, `/start ${link}`);
    await say(tg, bot, pat, `/start ${link}`);
    const stats = textOf(await say(tg, bot, pat, "/partner"));
    expect(stats).toContain("Clicks: 2");
    expect(stats).toContain("Sign-ups: 1");
    expect(stats).toContain("You earn 10% of what the people you bring pay");
  });

  it("lists the buyer's orders and answers /paysupport", async () => {
    const dee = tg.createUser({ firstName: "Dee", languageCode: "en" });
    expect(textOf(await say(tg, bot, dee, "/orders"))).toBe("You have no orders yet.");
    expect(textOf(await say(tg, bot, dee, "/paysupport"))).toContain("For help with a payment");
    await addProduct("Dee pack", 9, 4);
    await buyWithMock(dee, "Dee pack");
    await tg.waitUntilHandled(bot);
    const { id } = await balanceOf(dee.id);
    expect((await api("GET", `/api/v1/orders?user_id=${id}`)).body.items).toMatchObject([
      { title: "Dee pack", provider: "mock", status: "paid" },
    ]);
    const listed = textOf(await say(tg, bot, dee, "/orders"));
    expect(listed).toContain("🧾 Your orders:");
    expect(listed).toMatch(/Dee pack · 4 XTR · paid/);
  });
});
