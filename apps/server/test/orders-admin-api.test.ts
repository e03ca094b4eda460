import {
  type Actor,
  createOrder,
  createProduct,
  refundOrder,
  settlePayment,
  upsertTelegramUser,
} from "@lumen/core";
import { auditLog } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAllPages, type Sessions, signInEveryRole } from "./support/admin-sessions.ts";
import { readCsvExport } from "./support/csv-parse.ts";
import { createTestApp, type TestApp } from "./support/test-app.ts";

let t: TestApp;
let as: Sessions;
const admin: Actor = { type: "admin", id: null, role: "admin" };
const start = new Date("2026-04-01T00:00:00Z");
const day = 86_400_000;

type OrderItem = {
  id: string;
  status: string;
  provider: string;
  currency: string;
  amount: number;
  product_id: string;
  user_id: string;
  created_at: string;
  flagged: boolean;
};
const fixture = {
  userA: "",
  userB: "",
  credits: "",
  course: "",
  paidRub: "",
  flagged: "",
  refunded: "",
  all: [] as string[],
};

const get = (url: string, cookie = as.operator) => t.app.inject({ url, headers: { cookie } });
const post = (url: string, payload: unknown, cookie = as.admin) =>
  t.app.inject({
    method: "POST",
    url,
    payload: payload as object,
    headers: { cookie, origin: "http://localhost" },
  });
const listIds = async (query: string) =>
  (await readAllPages<OrderItem>(t, as.operator, `/api/v1/orders?limit=3&${query}`)).items.map((o) => o.id);

beforeAll(async () => {
  t = await createTestApp();
  as = await signInEveryRole(t);
  const db = t.database.db;
  const at = (offsetDays: number) => ({
    db,
    outbox: t.core.outbox,
    clock: { now: () => new Date(start.getTime() + offsetDays * day) },
  });
  const a = await upsertTelegramUser(at(0), { telegramId: 8_100_001, firstName: "Alice", username: "alice" });
  const b = await upsertTelegramUser(at(0), { telegramId: 8_100_002, firstName: "=cmd|' /C calc'!A0" });
  fixture.userA = a.id;
  fixture.userB = b.id;
  const credits = await createProduct(at(0), admin, {
    title: "100 credits",
    details: { kind: "credits", credits: 100 },
    prices: [
      { currency: "XTR", amount: 50 },
      { currency: "RUB", amount: 9905 },
    ],
  });
  const course = await createProduct(at(0), admin, {
    title: 'Course, "Advanced"',
    details: { kind: "credits", credits: 500 },
    prices: [{ currency: "XTR", amount: 300 }],
  });
  fixture.credits = credits.id;
  fixture.course = course.id;
  const make = async (offsetDays: number, userId: string, productId: string, currency: "XTR" | "RUB") => {
    const order = await createOrder(at(offsetDays), {
      userId,
      productId,
      currency,
      provider: currency === "XTR" ? "stars" : "yookassa",
    });
    fixture.all.push(order.id);
    return order;
  };
  const pay = (
    order: { id: string; amount: number; currency: string; provider: string },
    offsetDays: number,
    amount = order.amount,
  ) =>
    settlePayment(at(offsetDays), {
      provider: order.provider as "stars",
      providerPaymentId: `pay-${order.id}`,
      orderId: order.id,
      amount,
      currency: order.currency,
      eventType: "test.payment",
      raw: { test: true, order: order.id },
    });
  // Two orders at the very same instant, to exercise the id tie-break.
  for (let k = 0; k < 4; k++) await make(1, a.id, credits.id, "XTR");
  await make(1, b.id, credits.id, "XTR");
  const rub = await make(2, a.id, credits.id, "RUB");
  await pay(rub, 2);
  fixture.paidRub = rub.id;
  const mismatch = await make(3, b.id, course.id, "XTR");
  await pay(mismatch, 3, 1);
  fixture.flagged = mismatch.id;
  const refunded = await make(4, b.id, course.id, "XTR");
  await pay(refunded, 4);
  await refundOrder(at(5), admin, { orderId: refunded.id, force: true }, async () => {});
  fixture.refunded = refunded.id;
}, 180_000);
afterAll(() => t.close());

describe("GET /api/v1/orders", () => {
  it.each([
    ["created", "desc"],
    ["created", "asc"],
    ["amount", "desc"],
    ["amount", "asc"],
  ])("pages every order by %s %s with no repeat and no gap", async (sort, direction) => {
    const { items, pages } = await readAllPages<OrderItem>(
      t,
      as.operator,
      `/api/v1/orders?sort=${sort}.${direction}&limit=2`,
    );
    expect(items).toHaveLength(fixture.all.length);
    expect(new Set(items.map((o) => o.id))).toEqual(new Set(fixture.all));
    expect(pages).toBe(Math.ceil(fixture.all.length / 2));
    const key = (o: OrderItem) => (sort === "amount" ? o.amount : Date.parse(o.created_at));
    for (let k = 1; k < items.length; k++) {
      const [x, y] = [items[k - 1] as OrderItem, items[k] as OrderItem];
      if (key(x) === key(y)) expect(direction === "desc" ? x.id > y.id : x.id < y.id).toBe(true);
      else expect(direction === "desc" ? key(x) > key(y) : key(x) < key(y)).toBe(true);
    }
  });

  it("filters by status, provider, currency, product, user, flag and date range", async () => {
    expect(await listIds("status=paid")).toEqual([fixture.paidRub]);
    expect(await listIds("status=refunded")).toEqual([fixture.refunded]);
    expect(await listIds("provider=yookassa")).toEqual([fixture.paidRub]);
    expect(await listIds("currency=RUB")).toEqual([fixture.paidRub]);
    expect((await listIds(`product_id=${fixture.course}`)).sort()).toEqual(
      [fixture.flagged, fixture.refunded].sort(),
    );
    expect(await listIds(`user_id=${fixture.userA}`)).toHaveLength(5);
    expect(await listIds("flagged=true")).toEqual([fixture.flagged]);
    const from = new Date(start.getTime() + 2 * day).toISOString();
    const to = new Date(start.getTime() + 4 * day).toISOString();
    expect((await listIds(`from=${from}&to=${to}`)).sort()).toEqual(
      [fixture.paidRub, fixture.flagged].sort(),
    );
    expect(await listIds("status=pending&currency=RUB")).toEqual([]);
  });

  it("says who bought each order", async () => {
    const [order] = (await get(`/api/v1/orders?status=paid`)).json().items;
    expect(order.user).toEqual({ telegram_id: 8_100_001, first_name: "Alice", username: "alice" });
  });

  it("answers bad parameters with 400 naming them", async () => {
    for (const [query, field] of [
      ["status=lost", "querystring.status"],
      ["from=yesterday", "querystring.from"],
      ["product_id=1", "querystring.product_id"],
      ["sort=title", "querystring.sort"],
      ["limit=-1", "querystring.limit"],
      ["flagged=1", "querystring.flagged"],
    ]) {
      const res = await get(`/api/v1/orders?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error).toMatchObject({ code: "VALIDATION_FAILED", field });
    }
  });
});

describe("an order's page", () => {
  it("shows the order with its payments and the raw provider events", async () => {
    const res = await get(`/api/v1/orders/${fixture.refunded}/details`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.order).toMatchObject({ id: fixture.refunded, status: "refunded" });
    expect(body.payments).toMatchObject([{ status: "refunded", amount: 300, currency: "XTR" }]);
    expect(body.events.length).toBeGreaterThanOrEqual(1);
    expect(body.events[0]).toMatchObject({ event_type: "test.payment", payload: { test: true } });
    expect(body.flag_resolution).toBeNull();
  });

  it("lets an admin mark a flag resolved once, audited; an operator gets 403", async () => {
    const flagged = (await get(`/api/v1/orders/${fixture.flagged}/details`)).json();
    expect(flagged.order).toMatchObject({ flagged: true, flag_reason: expect.any(String) });
    const byOperator = await post(
      `/api/v1/orders/${fixture.flagged}/flag-resolution`,
      { note: "x" },
      as.operator,
    );
    expect(byOperator.statusCode).toBe(403);
    const noNote = await post(`/api/v1/orders/${fixture.flagged}/flag-resolution`, { note: " " });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.field).toBe("body.note");
    const resolved = await post(`/api/v1/orders/${fixture.flagged}/flag-resolution`, {
      note: "Buyer paid 1 Star by mistake; returned in Telegram",
    });
    expect(resolved.statusCode).toBe(201);
    expect(resolved.json()).toMatchObject({ resolved_by_type: "admin", resolved_at: expect.any(String) });
    const again = await post(`/api/v1/orders/${fixture.flagged}/flag-resolution`, { note: "again" });
    expect(again.statusCode).toBe(409);
    const unflagged = await post(`/api/v1/orders/${fixture.paidRub}/flag-resolution`, { note: "n" });
    expect(unflagged.statusCode).toBe(409);
    const details = (await get(`/api/v1/orders/${fixture.flagged}/details`)).json();
    expect(details.flag_resolution.note).toBe("Buyer paid 1 Star by mistake; returned in Telegram");
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, fixture.flagged));
    expect(audit.map((r) => r.action)).toEqual(["order.resolve_flag"]);
  });

  it("refunds through the existing endpoint for admins only", async () => {
    const res = await post(`/api/v1/orders/${fixture.paidRub}/refund`, {}, as.operator);
    expect(res.statusCode).toBe(403);
  });
});

describe("GET /api/v1/payments", () => {
  it("lists payments with filters, in pages", async () => {
    const all = await readAllPages<{ id: string; order_id: string; user_id: string; status: string }>(
      t,
      as.operator,
      "/api/v1/payments?limit=1",
    );
    expect(all.items.map((p) => p.order_id).sort()).toEqual([fixture.paidRub, fixture.refunded].sort());
    expect(all.pages).toBe(2);
    const refunded = (await get("/api/v1/payments?status=refunded")).json().items;
    expect(refunded.map((p: { order_id: string }) => p.order_id)).toEqual([fixture.refunded]);
    const rub = (await get(`/api/v1/payments?currency=RUB&user_id=${fixture.userA}`)).json().items;
    expect(rub).toMatchObject([{ order_id: fixture.paidRub, amount: 9905, provider: "yookassa" }]);
    expect((await get("/api/v1/payments?provider=paypal")).json().error.field).toBe("querystring.provider");
  });
});

describe("CSV exports of orders and payments", () => {
  it("streams the filtered orders with decimal amounts and neutralised formulas", async () => {
    const res = await get("/api/v1/orders/export.csv?sort=created.asc");
    expect(res.statusCode).toBe(200);
    expect(res.body.includes("\r\n")).toBe(true);
    const rows = readCsvExport(res.body);
    expect(rows.map((r) => r.id)).toEqual(await listIds("sort=created.asc"));
    const rub = rows.find((r) => r.id === fixture.paidRub);
    expect(rub).toMatchObject({ amount: "99.05", currency: "RUB", status: "paid", first_name: "Alice" });
    const stars = rows.find((r) => r.id === fixture.refunded);
    expect(stars).toMatchObject({ amount: "300", currency: "XTR", title: 'Course, "Advanced"' });
    expect(stars?.first_name).toBe("'=cmd|' /C calc'!A0");
    const filtered = readCsvExport((await get(`/api/v1/orders/export.csv?user_id=${fixture.userB}`)).body);
    expect(filtered).toHaveLength(3);
  });

  it("streams payments", async () => {
    const rows = readCsvExport((await get("/api/v1/payments/export.csv?currency=RUB")).body);
    expect(rows).toMatchObject([{ order_id: fixture.paidRub, amount: "99.05", currency: "RUB" }]);
  });

  it("refuses a bad filter with 400 and no session with 401", async () => {
    expect((await get("/api/v1/orders/export.csv?status=nope")).statusCode).toBe(400);
    expect((await t.app.inject({ url: "/api/v1/orders/export.csv" })).statusCode).toBe(401);
  });
});
