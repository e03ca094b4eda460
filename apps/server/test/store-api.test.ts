import { cliActor, createOrder, createProduct, createPromo, refundOrder, settlePayment } from "@lumen/core";
import type { BotHandle, TelegramEmulator } from "@lumen/testkit";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createBotTestApp } from "./support/bot-test-app.ts";
import type { TestApp } from "./support/test-app.ts";

/**
 * The buyer's API behind the Mini App: Telegram's signed launch data is the only credential it
 * takes, checked against the token of the bot in the path, and it sells through the same verb
 * as the bot.
 */
let tg: TelegramEmulator;
let bot: BotHandle;
let otherBot: BotHandle;
let t: TestApp;
let key: string;
let botId: string;
let otherBotId: string;

beforeAll(async () => {
  ({ tg, bot, t, key, botId } = await createBotTestApp(
    { username: "store_bot", firstName: "Store" },
    { initDataMaxAgeSeconds: 3600 },
  ));
  otherBot = tg.createBot({ username: "other_store_bot", firstName: "Other" });
  const added = await call("POST", "/api/v1/bots", { "x-auth-key": key }, { token: otherBot.token });
  expect(added.statusCode).toBe(201);
  otherBotId = added.json().id;
});
afterAll(async () => {
  await t?.close();
  await tg?.close();
});

const call = (method: "GET" | "POST", url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

describe("who may call the store", () => {
  it("lets a buyer in with data Telegram signed for this bot, and records them", async () => {
    const ivy = tg.createUser({ firstName: "Ivy", username: "ivy", languageCode: "ru" });
    const initData = tg.launchMiniApp(bot, ivy, { startParam: "menu" });
    const res = await call("GET", `/api/v1/app/${botId}/me`, { "x-telegram-init-data": initData });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      user: { first_name: "Ivy", username: "ivy", language: "ru" },
      balance: 0,
      plans: [],
    });
    const viaSdkHeader = await call("GET", `/api/v1/app/${botId}/me`, { authorization: `tma ${initData}` });
    expect(viaSdkHeader.json().user.id).toBe(res.json().user.id);
    const users = await call("GET", `/api/v1/users?telegram_id=${ivy.id}`, { "x-auth-key": key });
    expect(users.json().items).toMatchObject([{ referral_source: "menu" }]);
  });

  it("refuses missing, forged, expired and another bot's data with 401 naming init_data", async () => {
    const bo = tg.createUser({ firstName: "Bo" });
    const good = tg.launchMiniApp(bot, bo);
    const forged = good.replace(/hash=[0-9a-f]{4}/, "hash=0000");
    const expired = tg.launchMiniApp(bot, bo, { authDate: new Date(Date.now() - 2 * 3600_000) });
    const otherBots = tg.launchMiniApp(otherBot, bo);
    const tampered = good.replace("Bo", "Mallory");
    const attempts: Array<Record<string, string>> = [
      {},
      { "x-telegram-init-data": forged },
      { "x-telegram-init-data": expired },
      { "x-telegram-init-data": otherBots },
      { "x-telegram-init-data": tampered },
      { authorization: "tma not-init-data" },
    ];
    for (const headers of attempts) {
      const res = await call("GET", `/api/v1/app/${botId}/catalog`, headers);
      expect([res.statusCode, res.json().error.field]).toEqual([401, "init_data"]);
    }
    // The other bot's data opens the other bot's store.
    expect(
      (await call("GET", `/api/v1/app/${otherBotId}/catalog`, { authorization: `tma ${otherBots}` }))
        .statusCode,
    ).toBe(200);
  });

  it("never takes operator credentials, and operator routes never take a buyer's", async () => {
    const cy = tg.createUser({ firstName: "Cy" });
    const initData = tg.launchMiniApp(bot, cy);
    expect((await call("GET", `/api/v1/app/${botId}/me`, { "x-auth-key": key })).statusCode).toBe(401);
    expect((await call("GET", "/api/v1/users", { "x-telegram-init-data": initData })).statusCode).toBe(401);
    expect((await call("GET", "/api/v1/users", { authorization: `tma ${initData}` })).statusCode).toBe(401);
  });

  it("answers 404 for a store that does not exist and 400 for a malformed bot id", async () => {
    const dee = tg.createUser({ firstName: "Dee" });
    const initData = tg.launchMiniApp(bot, dee);
    const unknown = await call("GET", `/api/v1/app/${crypto.randomUUID()}/catalog`, {
      "x-telegram-init-data": initData,
    });
    expect(unknown.statusCode).toBe(404);
    const malformed = await call("GET", "/api/v1/app/nope/catalog", { "x-telegram-init-data": initData });
    expect([malformed.statusCode, malformed.json().error.field]).toEqual([400, "params.bot_id"]);
  });
});

describe("buying in the store", () => {
  it("shows what is on sale, starts a Stars checkout with an invoice link, and shows the grant once paid", async () => {
    const pack = await createProduct(t.core, cliActor, {
      title: "Store pack",
      description: "Forty questions",
      details: { kind: "credits", credits: 40 },
      prices: [{ currency: "XTR", amount: 20 }],
    });
    const hidden = await createProduct(t.core, cliActor, {
      title: "Off sale",
      active: false,
      details: { kind: "credits", credits: 1 },
      prices: [{ currency: "XTR", amount: 1 }],
    });
    const eve = tg.createUser({ firstName: "Eve", languageCode: "en" });
    const headers = { "x-telegram-init-data": tg.launchMiniApp(bot, eve) };

    const catalog = (await call("GET", `/api/v1/app/${botId}/catalog`, headers)).json();
    const shown = catalog.items.find((p: { id: string }) => p.id === pack.id);
    expect(shown).toMatchObject({
      title: "Store pack",
      credits: 40,
      prices: [{ currency: "XTR", amount: 20 }],
    });
    expect(catalog.items.some((p: { id: string }) => p.id === hidden.id)).toBe(false);
    expect((await call("GET", `/api/v1/app/${botId}/products/${hidden.id}`, headers)).statusCode).toBe(404);

    const started = await call("POST", `/api/v1/app/${botId}/checkout`, headers, {
      product_id: pack.id,
      currency: "XTR",
    });
    expect(started.statusCode).toBe(201);
    const body = started.json();
    expect(body).toMatchObject({
      kind: "invoice_link",
      order: { status: "pending", amount: 20, granted: null },
    });
    const link = await tg.waitForCall("createInvoiceLink", (p) => p.payload === body.order.id);
    expect(link.params).toMatchObject({ currency: "XTR", prices: [{ label: "Store pack", amount: 20 }] });

    expect((await tg.payInvoice(bot, eve, body.url)).ok).toBe(true);
    await vi.waitFor(
      async () => {
        const order = (await call("GET", `/api/v1/app/${botId}/orders/${body.order.id}`, headers)).json();
        expect(order).toMatchObject({ status: "paid", granted: { balance: 40, plan_ends_at: null } });
      },
      { timeout: 15_000, interval: 100 },
    );
    const paid = (await call("GET", `/api/v1/app/${botId}/orders/${body.order.id}`, headers)).json();
    expect(paid.receipt).toEqual({
      list_amount: null,
      promo_code: null,
      payment_id: expect.stringMatching(/\S+/),
      paid_at: paid.paid_at,
      refunded_at: null,
      item: { kind: "credits", credits: 40, period_days: null, tariff: null, upgrade_from: null },
      seller: "Store",
    });
    expect(paid).toMatchObject({ title: "Store pack", currency: "XTR", amount: 20, provider: "stars" });
    expect((await call("GET", `/api/v1/app/${botId}/me`, headers)).json().balance).toBe(40);

    // Another buyer cannot read Eve's order, and a malformed id is named.
    const fay = { "x-telegram-init-data": tg.launchMiniApp(bot, tg.createUser({ firstName: "Fay" })) };
    expect((await call("GET", `/api/v1/app/${botId}/orders/${body.order.id}`, fay)).statusCode).toBe(404);
    const malformed = await call("GET", `/api/v1/app/${botId}/orders/not-an-order`, headers);
    expect(malformed.statusCode).toBe(400);
    expect(JSON.stringify(malformed.json())).toContain("order_id");
  });

  it("opens a newcomer-only product to a buyer who never paid, and answers 404 for it once they have", async () => {
    const welcome = await createProduct(t.core, cliActor, {
      title: "Store welcome pack",
      newcomersOnly: true,
      details: { kind: "credits", credits: 5 },
      prices: [{ currency: "XTR", amount: 1 }],
    });
    const regular = await createProduct(t.core, cliActor, {
      title: "Store regular pack",
      details: { kind: "credits", credits: 5 },
      prices: [{ currency: "XTR", amount: 5 }],
    });
    const gil = tg.createUser({ firstName: "Gil", languageCode: "en" });
    const headers = { "x-telegram-init-data": tg.launchMiniApp(bot, gil) };
    const page = await call("GET", `/api/v1/app/${botId}/products/${welcome.id}`, headers);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ id: welcome.id, title: "Store welcome pack" });

    const userId = (await call("GET", `/api/v1/app/${botId}/me`, headers)).json().user.id as string;
    const order = await createOrder(t.core, {
      userId,
      productId: regular.id,
      currency: "XTR",
      provider: "stars",
    });
    await settlePayment(t.core, {
      provider: "stars",
      providerPaymentId: `store-newcomer-${order.id}`,
      orderId: order.id,
      amount: order.amount,
      currency: "XTR",
      eventType: "successful_payment",
      raw: {},
    });
    const gone = await call("GET", `/api/v1/app/${botId}/products/${welcome.id}`, headers);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error).toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringMatching(/not found/),
    });
    // The list agrees with the page, and other products still open.
    const catalog = (await call("GET", `/api/v1/app/${botId}/catalog`, headers)).json();
    expect(catalog.items.some((p: { id: string }) => p.id === welcome.id)).toBe(false);
    expect((await call("GET", `/api/v1/app/${botId}/products/${regular.id}`, headers)).statusCode).toBe(200);
  });

  it("refuses a way to pay the installation does not offer, naming the field, before any order", async () => {
    const rub = await createProduct(t.core, cliActor, {
      title: "Rouble pack",
      details: { kind: "credits", credits: 10 },
      prices: [{ currency: "RUB", amount: 9900 }],
    });
    const gus = tg.createUser({ firstName: "Gus" });
    const headers = { "x-telegram-init-data": tg.launchMiniApp(bot, gus) };
    const res = await call("POST", `/api/v1/app/${botId}/checkout`, headers, {
      product_id: rub.id,
      currency: "RUB",
    });
    expect([res.statusCode, res.json().error.field]).toEqual([409, "provider"]);
    const bad = await call("POST", `/api/v1/app/${botId}/checkout`, headers, {
      product_id: "x",
      currency: "EUR",
    });
    expect(bad.statusCode).toBe(400);
    const orders = await call(
      "GET",
      `/api/v1/orders?user_id=${(await call("GET", `/api/v1/app/${botId}/me`, headers)).json().user.id}`,
      {
        "x-auth-key": key,
      },
    );
    expect(orders.json().items).toEqual([]);
  });

  it("gives a receipt with the price before the promo code and the provider's payment id", async () => {
    const pack = await createProduct(t.core, cliActor, {
      title: "Receipt pack",
      details: { kind: "credits", credits: 10 },
      prices: [{ currency: "XTR", amount: 50 }],
    });
    await createPromo(t.core, cliActor, { code: "HALF", kind: "percent_off", value: 50 });
    const joe = tg.createUser({ firstName: "Joe" });
    const headers = { "x-telegram-init-data": tg.launchMiniApp(bot, joe) };
    const started = await call("POST", `/api/v1/app/${botId}/checkout`, headers, {
      product_id: pack.id,
      currency: "XTR",
      promo_code: "half",
    });
    expect(started.json()).toMatchObject({ order: { amount: 25, receipt: null } });
    expect((await tg.payInvoice(bot, joe, started.json().url)).ok).toBe(true);
    const url = `/api/v1/app/${botId}/orders/${started.json().order.id}`;
    await vi.waitFor(async () => expect((await call("GET", url, headers)).json().status).toBe("paid"), {
      timeout: 15_000,
      interval: 100,
    });
    const { receipt } = (await call("GET", url, headers)).json();
    expect(receipt).toMatchObject({ list_amount: 50, promo_code: "HALF", refunded_at: null });
    const payments = await call("GET", `/api/v1/payments?order_id=${started.json().order.id}`, {
      "x-auth-key": key,
    });
    expect(payments.statusCode).toBe(200);
    expect(JSON.stringify(payments.json())).toContain(receipt.payment_id);

    // Refunded: the receipt stays, with the refund's date.
    await refundOrder(t.core, cliActor, { orderId: started.json().order.id }, async () => {});
    const refunded = (await call("GET", url, headers)).json();
    expect(refunded).toMatchObject({
      status: "refunded",
      receipt: { payment_id: receipt.payment_id, refunded_at: expect.any(String), seller: "Store" },
    });
  });
});

describe("the store's funnel", () => {
  it("counts distinct buyers who viewed, began a checkout and paid, per product", async () => {
    const funnelPack = await createProduct(t.core, cliActor, {
      title: "Funnel pack",
      details: { kind: "credits", credits: 5 },
      prices: [{ currency: "XTR", amount: 3 }],
    });
    const [hal, ida] = [tg.createUser({ firstName: "Hal" }), tg.createUser({ firstName: "Ida" })];
    const headersOf = (u: typeof hal) => ({ "x-telegram-init-data": tg.launchMiniApp(bot, u) });
    const send = (u: typeof hal, events: object[]) =>
      call("POST", `/api/v1/app/${botId}/events`, headersOf(u), { events });
    const viewed = { type: "product_viewed", product_id: funnelPack.id, source: "menu" };
    expect((await send(hal, [{ type: "app_opened" }, viewed, viewed])).json()).toEqual({ stored: 3 });
    await send(ida, [viewed, { type: "checkout_started", product_id: funnelPack.id }]);
    const started = await call("POST", `/api/v1/app/${botId}/checkout`, headersOf(ida), {
      product_id: funnelPack.id,
      currency: "XTR",
    });
    expect((await tg.payInvoice(bot, ida, started.json().url)).ok).toBe(true);

    await vi.waitFor(
      async () => {
        const funnel = await call("GET", `/api/v1/analytics/funnel?bot_id=${botId}`, { "x-auth-key": key });
        expect(
          funnel.json().items.find((i: { product_id: string }) => i.product_id === funnelPack.id),
        ).toEqual({
          product_id: funnelPack.id,
          title: "Funnel pack",
          viewed: 2,
          checkout: 1,
          paid: 1,
        });
      },
      { timeout: 15_000, interval: 100 },
    );

    const tooMany = await send(
      hal,
      Array.from({ length: 51 }, () => ({ type: "app_opened" })),
    );
    expect([tooMany.statusCode, tooMany.json().error.field]).toEqual([400, "body.events"]);
    const unknownType = await send(hal, [{ type: "payment_succeeded" }]);
    expect(unknownType.statusCode).toBe(400);
  });
});

describe("the buyer's account", () => {
  it("shows the credit history and orders, and stops a Star subscription from renewing", async () => {
    const pack = await createProduct(t.core, cliActor, {
      title: "Account pack",
      details: { kind: "credits", credits: 12 },
      prices: [{ currency: "XTR", amount: 6 }],
    });
    const club = await createProduct(t.core, cliActor, {
      title: "Account club",
      details: { kind: "plan", planCode: "account-club", periodDays: 30 },
      prices: [{ currency: "XTR", amount: 90 }],
    });
    const jo = tg.createUser({ firstName: "Jo", languageCode: "en" });
    const headers = { "x-telegram-init-data": tg.launchMiniApp(bot, jo) };
    for (const product of [pack, club]) {
      const started = await call("POST", `/api/v1/app/${botId}/checkout`, headers, {
        product_id: product.id,
        currency: "XTR",
      });
      expect((await tg.payInvoice(bot, jo, started.json().url)).ok).toBe(true);
    }
    await vi.waitFor(
      async () => {
        const orders = (await call("GET", `/api/v1/app/${botId}/orders`, headers)).json();
        expect(orders.items.map((o: { title: string; status: string }) => [o.title, o.status])).toEqual([
          ["Account club", "paid"],
          ["Account pack", "paid"],
        ]);
      },
      { timeout: 15_000, interval: 100 },
    );
    const ledger = (await call("GET", `/api/v1/app/${botId}/ledger`, headers)).json();
    expect(ledger.items).toMatchObject([{ delta: 12, balance_after: 12 }]);
    expect(ledger.next_before_id).toBeNull();

    const [plan] = (await call("GET", `/api/v1/app/${botId}/me`, headers)).json().plans;
    // It renews by itself, and the product that sells it again is there for when it does not.
    expect(plan).toMatchObject({
      plan_code: "account-club",
      title: "Account club",
      renews: true,
      renew_product_id: club.id,
    });
    const other = { "x-telegram-init-data": tg.launchMiniApp(bot, tg.createUser({ firstName: "Kit" })) };
    const stranger = await call("POST", `/api/v1/app/${botId}/plans/${plan.id}/cancel-renewal`, other);
    expect(stranger.statusCode).toBe(404);
    const cancelled = await call("POST", `/api/v1/app/${botId}/plans/${plan.id}/cancel-renewal`, headers);
    expect(cancelled.json()).toMatchObject({
      id: plan.id,
      renews: false,
      renew_product_id: plan.renew_product_id,
    });
    const told = await tg.waitForCall("editUserStarSubscription", (p) => p.user_id === jo.id);
    expect(told.params.is_canceled).toBe(true);
    const again = await call("POST", `/api/v1/app/${botId}/plans/${plan.id}/cancel-renewal`, headers);
    expect(again.statusCode).toBe(409);
  });
});
