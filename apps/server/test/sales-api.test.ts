import {
  attributeReferral,
  cliActor,
  createApiKey,
  createOrder,
  createProduct,
  getOrCreateReferralCode,
  settlePayment,
  upsertTelegramUser,
} from "@lumen/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./support/test-app.ts";

/** The admin API behind the dashboard, products, promo codes and partners pages. */
let t: TestApp;
let adminKey: string;
let operatorKey: string;
let telegramId = 700_000;
const core = () => t.core;

async function call(method: "GET" | "POST" | "PATCH", url: string, body?: unknown, key = adminKey) {
  const res = await t.app.inject({
    method,
    url,
    headers: { "x-auth-key": key },
    ...(body === undefined ? {} : { payload: body as object }),
  });
  return {
    status: res.statusCode,
    body: res.headers["content-type"]?.includes("json") ? res.json() : res.body,
    res,
  };
}

const newUser = async (firstName = "Buyer") =>
  (await upsertTelegramUser(core(), { telegramId: telegramId++, firstName })).id;

async function buy(userId: string, productId: string, currency: "XTR" | "RUB", promoCode?: string) {
  const provider = currency === "XTR" ? "stars" : "yookassa";
  const order = await createOrder(core(), { userId, productId, currency, provider, promoCode });
  await settlePayment(core(), {
    provider,
    providerPaymentId: `pay-${order.id}`,
    orderId: order.id,
    amount: order.amount,
    currency: order.currency,
    eventType: "test",
    raw: {},
  });
  return order;
}

const pack = (title: string, extra: object = {}) => ({
  title,
  details: { kind: "credits", credits: 100 },
  prices: [
    { currency: "XTR", amount: 50 },
    { currency: "RUB", amount: 9900 },
  ],
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  adminKey = (await createApiKey(core(), cliActor, { name: "admin", role: "admin" })).key;
  operatorKey = (await createApiKey(core(), cliActor, { name: "ops", role: "operator" })).key;
});
afterAll(() => t.close());

describe("dashboard API", () => {
  it("answers the figures with their list filters, and names a bad field", async () => {
    const product = await createProduct(core(), cliActor, pack("Dash pack") as never);
    await buy(await newUser(), product.id, "XTR");
    const res = await call("GET", "/api/v1/analytics/dashboard?tz=Europe/Moscow", undefined, operatorKey);
    expect(res.status).toBe(200);
    const xtr = res.body.revenue.currencies.find((c: { currency: string }) => c.currency === "XTR");
    expect(xtr).toMatchObject({
      amount: 50,
      orders: 1,
      link: { list: "orders", filter: { status: "paid", currency: "XTR" } },
    });
    expect(res.body.paid_orders.value).toBe(1);
    expect(res.body.period).toMatchObject({ tz: "Europe/Moscow", days: 30 });
    expect(res.body.revenue.by_day).toHaveLength(60);

    const badTz = await call("GET", "/api/v1/analytics/dashboard?tz=Nowhere/City");
    expect(badTz.status).toBe(400);
    expect(badTz.body.error.field).toBe("tz");
    const badDate = await call("GET", "/api/v1/analytics/dashboard?from=yesterday");
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.field).toBe("querystring.from");
    expect((await t.app.inject("/api/v1/analytics/dashboard")).statusCode).toBe(401);
  });
});

describe("products API", () => {
  it("pages the catalog in the bot's order, filters by kind and state, and reorders it", async () => {
    const ids: string[] = [];
    for (const title of ["Alpha", "Beta", "Gamma"]) {
      ids.push((await call("POST", "/api/v1/products", pack(`Order ${title}`))).body.id);
    }
    await call("PATCH", `/api/v1/products/${ids[1]}`, { active: false });
    const reorder = await call("POST", "/api/v1/products/reorder", { product_ids: [ids[2], ids[1], ids[0]] });
    expect(reorder.status).toBe(204);
    const titles = async (query: string) => {
      const all: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await call(
          "GET",
          `/api/v1/products?q=Order&limit=2${query}${cursor ? `&cursor=${cursor}` : ""}`,
        );
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        all.push(...page.body.items.map((p: { title: string }) => p.title));
        cursor = page.body.next_cursor;
      } while (cursor);
      return all;
    };
    expect(await titles("")).toEqual(["Order Gamma", "Order Beta", "Order Alpha"]);
    expect(await titles("&active=true")).toEqual(["Order Gamma", "Order Alpha"]);
    expect((await call("GET", "/api/v1/products?kind=plan&q=Order")).body.items).toEqual([]);
  });

  it("bounds numbers and names the field, and keeps writes to admins", async () => {
    const tooDear = await call(
      "POST",
      "/api/v1/products",
      pack("Dear", { prices: [{ currency: "XTR", amount: 2_000_000_000 }] }),
    );
    expect(tooDear.status).toBe(400);
    expect(tooDear.body.error.field).toBe("body.prices.0.amount");
    const longPlan = await call("POST", "/api/v1/products", {
      ...pack("Plan"),
      details: { kind: "plan", plan_code: "x", period_days: 99_999 },
    });
    expect(longPlan.status).toBe(400);
    expect(longPlan.body.error.field).toBe("body.details.period_days");
    expect((await call("GET", "/api/v1/products?kind=nothing")).body.error.field).toBe("querystring.kind");
    expect((await call("GET", "/api/v1/products?cursor=garbage")).body.error.field).toBe("cursor");
    expect((await call("POST", "/api/v1/products", pack("Nope"), operatorKey)).status).toBe(403);
    const reorder = await call(
      "POST",
      "/api/v1/products/reorder",
      { product_ids: [crypto.randomUUID()] },
      operatorKey,
    );
    expect(reorder.status).toBe(403);
    const unknown = await call("POST", "/api/v1/products/reorder", { product_ids: [crypto.randomUUID()] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.field).toBe("product_ids");
  });
});

describe("promo codes API", () => {
  it("lists codes with uses and revenue per currency, shows who used one, and edits its terms", async () => {
    const product = await createProduct(core(), cliActor, pack("Promo pack") as never);
    const created = await call("POST", "/api/v1/promos", {
      code: "stats10",
      kind: "percent_off",
      value: 10,
      once_per_user: false,
    });
    expect(created.status).toBe(201);
    const buyer = await newUser("Promo buyer");
    await buy(buyer, product.id, "XTR", "STATS10");
    await buy(buyer, product.id, "RUB", "STATS10");
    const list = await call("GET", "/api/v1/promos?q=stats", undefined, operatorKey);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      code: "STATS10",
      uses: 2,
      redemptions: 2,
      paid_orders: 2,
      revenue: [
        { currency: "RUB", amount: 8910, orders: 1 },
        { currency: "XTR", amount: 45, orders: 1 },
      ],
    });
    const id = created.body.id;
    const detail = await call("GET", `/api/v1/promos/${id}`);
    expect(detail.body).toMatchObject({ code: "STATS10", uses: 2 });
    const used = await call("GET", `/api/v1/promos/${id}/redemptions?limit=1`);
    expect(used.body.items).toHaveLength(1);
    expect(used.body.items[0]).toMatchObject({ user_id: buyer, first_name: "Promo buyer" });
    const rest = await call(
      "GET",
      `/api/v1/promos/${id}/redemptions?limit=1&cursor=${used.body.next_cursor}`,
    );
    expect(rest.body.items).toHaveLength(1);
    expect(rest.body.next_cursor).toBeNull();
    expect(rest.body.items[0].order_id).not.toBe(used.body.items[0].order_id);

    const tooLow = await call("PATCH", `/api/v1/promos/${id}`, { max_uses: 1 });
    expect(tooLow.status).toBe(400);
    expect(tooLow.body.error.field).toBe("max_uses");
    const edited = await call("PATCH", `/api/v1/promos/${id}`, { value: 20, max_uses: 5 });
    expect(edited.body).toMatchObject({ value: 20, max_uses: 5, code: "STATS10" });
    expect((await call("PATCH", `/api/v1/promos/${id}`, { value: 150 })).body.error.field).toBe("value");
    // Switching a code off changes only that: its value and limit stay.
    const off = await call("PATCH", `/api/v1/promos/${id}`, { active: false });
    expect(off.body).toMatchObject({ active: false, value: 20, max_uses: 5 });
    expect((await call("GET", "/api/v1/promos?q=stats&active=true")).body.items).toEqual([]);
    expect((await call("PATCH", `/api/v1/promos/${id}`, { active: true }, operatorKey)).status).toBe(403);
  });

  it("pages the list and exports it as CSV for admins only", async () => {
    for (const code of ["PAGEA", "PAGEB", "PAGEC"])
      await call("POST", "/api/v1/promos", { code, kind: "bonus_credits", value: 5 });
    const first = await call("GET", "/api/v1/promos?q=PAGE&limit=2");
    const second = await call("GET", `/api/v1/promos?q=PAGE&limit=2&cursor=${first.body.next_cursor}`);
    expect([...first.body.items, ...second.body.items].map((p: { code: string }) => p.code)).toEqual([
      "PAGEC",
      "PAGEB",
      "PAGEA",
    ]);
    expect(second.body.next_cursor).toBeNull();
    expect((await call("GET", "/api/v1/promos?limit=500")).body.error.field).toBe("querystring.limit");

    const csv = await call("GET", "/api/v1/promos/export.csv?q=PAGE");
    expect(csv.status).toBe(200);
    expect(csv.res.headers["content-type"]).toContain("text/csv");
    expect(csv.res.headers["content-disposition"]).toMatch(
      /attachment; filename="promo-codes-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const text = csv.res.body;
    expect(text.startsWith("\uFEFFcode,kind,value,")).toBe(true);
    const lines = text.slice(1).split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines.slice(1, -1).map((l) => l.split(",")[0])).toEqual(["PAGEC", "PAGEB", "PAGEA"]);
    expect((await call("GET", "/api/v1/promos/export.csv", undefined, operatorKey)).status).toBe(403);
  });
});

describe("partners API", () => {
  it("lists partners with their figures from the one commission rule, pages, sorts and exports them", async () => {
    const product = await createProduct(core(), cliActor, pack("Partner pack") as never);
    const partners: string[] = [];
    for (const [name, brings] of [
      ['=HYPERLINK("x")', 2],
      ['Quiet, "Q"', 0],
      ["Busy", 1],
    ] as const) {
      const partner = await newUser(name);
      partners.push(partner);
      const code = await getOrCreateReferralCode(t.database.db, partner);
      for (let i = 0; i < brings; i++) {
        const friend = await newUser();
        await attributeReferral(core(), { userId: friend, code, firstVisit: true });
        await buy(friend, product.id, "XTR");
      }
    }
    const bySignups = await call("GET", "/api/v1/partners?sort=signups&limit=2", undefined, operatorKey);
    expect(bySignups.body.items.map((p: { signups: number }) => p.signups)).toEqual([2, 1]);
    expect(bySignups.body.items[0]).toMatchObject({
      user_id: partners[0],
      clicks: 2,
      paying_users: 2,
      money: [{ currency: "XTR", revenue: 100, held: 10, earned: 0, due: 0, paid_out: 0 }],
    });
    const next = await call(
      "GET",
      `/api/v1/partners?sort=signups&limit=2&cursor=${bySignups.body.next_cursor}`,
    );
    expect(next.body.items.map((p: { user_id: string }) => p.user_id)).toEqual([partners[1]]);
    const single = await call("GET", `/api/v1/partners/${partners[0]}`);
    expect(single.body.money).toEqual(bySignups.body.items[0].money);
    expect((await call("GET", "/api/v1/partners?q=Busy")).body.items).toHaveLength(1);
    expect((await call("GET", "/api/v1/partners?sort=money")).body.error.field).toBe("querystring.sort");

    const csv = await call("GET", "/api/v1/partners/export.csv?sort=signups");
    const lines = csv.res.body.slice(1).split("\r\n");
    expect(lines[0]).toBe(
      "user_id,telegram_id,name,username,code,clicks,signups,paying_users,revenue_rub,held_rub,earned_rub,paid_out_rub,due_rub,revenue_xtr,held_xtr,earned_xtr,paid_out_xtr,due_xtr,partner_since",
    );
    expect(lines[1]).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(lines[1]).toContain(",2,2,2,0,0,0,0,0,100,10,0,0,0,");
    expect(lines[3]).toContain(`,"Quiet, ""Q""",`);
    expect((await call("GET", "/api/v1/partners/export.csv", undefined, operatorKey)).status).toBe(403);
  });
});
