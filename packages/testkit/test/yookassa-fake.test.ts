import { afterEach, describe, expect, it } from "vitest";
import {
  createFakeYooKassa,
  type FakeYooKassa,
  type YooKassaErrorBody,
  type YooKassaPayment,
} from "../src/index.ts";

const SHOP = "100500";
const SECRET = "test_secret_0123";
const basic = (login: string, password: string) =>
  `Basic ${Buffer.from(`${login}:${password}`).toString("base64")}`;

/** A payment or an error body; each test reads the fields it expects. */
type Body = Partial<YooKassaPayment> & Partial<YooKassaErrorBody>;
type Call = { body?: unknown; key?: string; authorization?: string | null };

/** Plain fetch, as Lumen's own client does it; returns status and parsed JSON. */
async function call(yk: FakeYooKassa, method: string, path: string, options: Call = {}) {
  const headers: Record<string, string> = {};
  if (options.authorization !== null) headers.authorization = options.authorization ?? basic(SHOP, SECRET);
  if (options.key !== undefined) headers["idempotence-key"] = options.key;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${yk.baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return { status: response.status, body: (await response.json()) as Body };
}

const order = (overrides: Record<string, unknown> = {}) => ({
  amount: { value: "990.00", currency: "RUB" },
  capture: true,
  confirmation: { type: "redirect", return_url: "https://shop.example/return" },
  description: "Course: TypeScript",
  metadata: { order_id: "ord_1" },
  ...overrides,
});

const receipt = (items: unknown[]) => ({ customer: { email: "buyer@example.com" }, items });
const item = (value: string, quantity: number, vat_code = 1) => ({
  description: "Lesson pack",
  quantity,
  amount: { value, currency: "RUB" },
  vat_code,
});

describe("fake YooKassa: payments", () => {
  let yk: FakeYooKassa;
  afterEach(async () => {
    await yk.close();
  });

  it("creates a pending payment with a confirmation_url", async () => {
    yk = await createFakeYooKassa({ shopId: SHOP, secretKey: SECRET });
    const { status, body } = await call(yk, "POST", "/payments", { body: order(), key: "k-1" });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: "pending",
      paid: false,
      amount: { value: "990.00", currency: "RUB" },
      description: "Course: TypeScript",
      recipient: { account_id: SHOP },
      confirmation: { type: "redirect" },
      test: true,
      refundable: false,
      metadata: { order_id: "ord_1" },
    });
    expect(body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(body.confirmation?.confirmation_url).toBe(`${new URL(yk.baseUrl).origin}/checkout/${body.id}`);
    expect(new Date(body.created_at!).toISOString()).toBe(body.created_at);
    expect((await call(yk, "GET", `/payments/${body.id}`)).body).toEqual(body);
    expect(yk.requests[0]).toMatchObject({
      method: "POST",
      path: "/v3/payments",
      idempotenceKey: "k-1",
      replay: false,
      status: 200,
    });
  });

  it("replays the same key and body without creating anything", async () => {
    yk = await createFakeYooKassa({ shopId: SHOP, secretKey: SECRET });
    const first = await call(yk, "POST", "/payments", { body: order(), key: "same" });
    const reordered = Object.fromEntries(Object.entries(order()).reverse());
    const again = await call(yk, "POST", "/payments", { body: reordered, key: "same" });
    expect(again).toEqual(first);
    expect(yk.payments).toHaveLength(1);
    expect(yk.requests.map((request) => request.replay)).toEqual([false, true]);
  });

  it("refuses a reused key with another body, a missing key and a too long key", async () => {
    yk = await createFakeYooKassa({ shopId: SHOP, secretKey: SECRET });
    await call(yk, "POST", "/payments", { body: order(), key: "dup" });
    const other = await call(yk, "POST", "/payments", { body: order({ description: "Other" }), key: "dup" });
    expect(other.status).toBe(400);
    expect(other.body).toMatchObject({
      type: "error",
      code: "invalid_request",
      parameter: "Idempotence-Key",
    });
    expect(other.body.description).toMatch(/idempotence key duplicated/i);

    const missing = await call(yk, "POST", "/payments", { body: order() });
    expect([missing.status, missing.body.code, missing.body.parameter]).toEqual([
      400,
      "invalid_request",
      "Idempotence-Key",
    ]);
    const long = await call(yk, "POST", "/payments", { body: order(), key: "x".repeat(65) });
    expect([long.status, long.body.parameter]).toEqual([400, "Idempotence-Key"]);
    expect(yk.payments).toHaveLength(1);
  });

  it("forgets a key after 24 hours", async () => {
    let clock = Date.parse("2026-03-01T10:00:00Z");
    yk = await createFakeYooKassa({ shopId: SHOP, secretKey: SECRET, now: () => clock });
    const first = await call(yk, "POST", "/payments", { body: order(), key: "day" });
    expect(first.body.created_at).toBe("2026-03-01T10:00:00.000Z");
    clock += 24 * 60 * 60 * 1000;
    const later = await call(yk, "POST", "/payments", { body: order({ description: "New" }), key: "day" });
    expect(later.status).toBe(200);
    expect(later.body.id).not.toBe(first.body.id);
  });

  it("answers 401 invalid_credentials for a wrong or missing login", async () => {
    yk = await createFakeYooKassa({ shopId: SHOP, secretKey: SECRET });
    const wrong = await call(yk, "GET", "/payments/x", { authorization: basic(SHOP, "test_wrong") });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ type: "error", code: "invalid_credentials" });
    expect(typeof wrong.body.id).toBe("string");
    const missing = await call(yk, "POST", "/payments", { body: order(), key: "k", authorization: null });
    expect([missing.status, missing.body.code]).toEqual([401, "invalid_credentials"]);
    expect(yk.payments).toHaveLength(0);
  });

  it("validates the amount and confirmation, naming the parameter", async () => {
    yk = await createFakeYooKassa({ shopId: SHOP, secretKey: SECRET });
    const cases: [Record<string, unknown>, string][] = [
      [{ amount: { value: "990", currency: "RUB" } }, "amount.value"],
      [{ amount: { value: 990, currency: "RUB" } }, "amount.value"],
      [{ amount: { value: "0.00", currency: "RUB" } }, "amount.value"],
      [{ amount: { value: "990.00", currency: "USD" } }, "amount.currency"],
      [{ amount: undefined }, "amount"],
      [{ confirmation: { type: "redirect" } }, "confirmation.return_url"],
      [{ capture: undefined }, "capture"],
      [{ metadata: { order_id: 7 } }, "metadata"],
    ];
    for (const [index, [overrides, parameter]] of cases.entries()) {
      const { status, body } = await call(yk, "POST", "/payments", {
        body: order(overrides),
        key: `v-${index}`,
      });
      expect([status, body.code, body.parameter]).toEqual([400, "invalid_request", parameter]);
    }
    expect(yk.payments).toHaveLength(0);
  });

  it("validates a receipt: a contact, item fields, and items adding up to the amount", async () => {
    yk = await createFakeYooKassa({ shopId: SHOP, secretKey: SECRET });
    const post = (r: unknown, key: string) =>
      call(yk, "POST", "/payments", { body: order({ receipt: r }), key });

    const mismatch = await post(receipt([item("500.00", 1)]), "r-1");
    expect([mismatch.status, mismatch.body.code, mismatch.body.parameter]).toEqual([
      400,
      "invalid_request",
      "receipt.items",
    ]);
    expect(mismatch.body.description).toContain("500.00");
    const noContact = await post({ customer: {}, items: [item("990.00", 1)] }, "r-2");
    expect(noContact.body.parameter).toBe("receipt.customer");
    const badVat = await post(receipt([item("990.00", 1, 13)]), "r-3");
    expect(badVat.body.parameter).toBe("receipt.items.vat_code");
    const noDescription = await post(receipt([{ ...item("990.00", 1), description: "" }]), "r-4");
    expect(noDescription.body.parameter).toBe("receipt.items.description");

    const ok = await post(receipt([item("330.00", 2, 4), item("330.00", 1, 11)]), "r-5");
    expect(ok.status).toBe(200);
    expect(ok.body.receipt_registration).toBe("pending");
  });

  it("succeeds and cancels payments; GET shows the change, unknown ids are 404", async () => {
    yk = await createFakeYooKassa({ shopId: SHOP, secretKey: SECRET });
    const paid = (await call(yk, "POST", "/payments", { body: order(), key: "s-1" })).body as YooKassaPayment;
    yk.succeed(paid.id);
    const got = (await call(yk, "GET", `/payments/${paid.id}`)).body;
    expect(got).toMatchObject({
      status: "succeeded",
      paid: true,
      refundable: true,
      income_amount: { value: "955.35", currency: "RUB" },
      refunded_amount: { value: "0.00", currency: "RUB" },
      payment_method: { type: "bank_card", id: paid.id, saved: false, title: "Bank card *4444" },
    });
    expect(got.captured_at).toEqual(expect.any(String));
    expect(got.confirmation).toBeUndefined();
    expect(() => yk.cancel(paid.id)).toThrow(/already succeeded/);

    const lost = (await call(yk, "POST", "/payments", { body: order(), key: "s-2" })).body as YooKassaPayment;
    yk.cancel(lost.id);
    expect(yk.payment(lost.id)).toMatchObject({
      status: "canceled",
      paid: false,
      cancellation_details: { party: "yoo_money", reason: "expired_on_confirmation" },
    });

    const unknown = await call(yk, "GET", "/payments/nope");
    expect([unknown.status, unknown.body.code]).toEqual([404, "not_found"]);
  });

  it("serves a checkout page whose Pay button succeeds the payment and goes back to return_url", async () => {
    yk = await createFakeYooKassa({ shopId: SHOP, secretKey: SECRET });
    const created = (await call(yk, "POST", "/payments", { body: order(), key: "c-1" }))
      .body as YooKassaPayment;
    const url = created.confirmation!.confirmation_url;
    const page = await fetch(url);
    expect(await page.text()).toContain("990.00 RUB");
    const pay = await fetch(`${url}/pay`, { method: "POST", redirect: "manual" });
    expect([pay.status, pay.headers.get("location")]).toEqual([303, "https://shop.example/return"]);
    expect(yk.payment(created.id).status).toBe("succeeded");
  });
});
