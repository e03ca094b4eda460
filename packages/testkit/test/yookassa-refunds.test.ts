import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createFakeYooKassa,
  type FakeYooKassa,
  type YooKassaErrorBody,
  type YooKassaRefund,
} from "../src/index.ts";

const AUTH = `Basic ${Buffer.from("100500:test_secret_0123").toString("base64")}`;

/** A payment, a refund or an error body; each test reads the fields it expects. */
type Body = Partial<YooKassaRefund> & Partial<YooKassaErrorBody> & { refunded_amount?: unknown };

/** Plain fetch, as Lumen's own client does it; returns status and parsed JSON. */
async function call(yk: FakeYooKassa, method: string, path: string, body?: unknown, key?: string) {
  const headers: Record<string, string> = { authorization: AUTH };
  if (key !== undefined) headers["idempotence-key"] = key;
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${yk.baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Body };
}

const rub = (value: string) => ({ value, currency: "RUB" });

describe("fake YooKassa: refunds", () => {
  let yk: FakeYooKassa;
  let paymentId: string;
  let keys = 0;
  const refund = (value: string, extra: Record<string, unknown> = {}) =>
    call(yk, "POST", "/refunds", { payment_id: paymentId, amount: rub(value), ...extra }, `refund-${++keys}`);

  beforeEach(async () => {
    yk = await createFakeYooKassa({ shopId: "100500", secretKey: "test_secret_0123" });
    const created = await call(
      yk,
      "POST",
      "/payments",
      {
        amount: rub("990.00"),
        capture: true,
        confirmation: { type: "redirect", return_url: "https://shop.example/return" },
        metadata: { order_id: "ord_9" },
      },
      "pay-1",
    );
    paymentId = created.body.id!;
  });
  afterEach(async () => {
    await yk.close();
  });

  it("refuses to refund a payment that has not succeeded", async () => {
    const early = await refund("990.00");
    expect([early.status, early.body.code, early.body.parameter]).toEqual([
      400,
      "invalid_request",
      "payment_id",
    ]);
    const unknown = await call(yk, "POST", "/refunds", { payment_id: "nope", amount: rub("1.00") }, "r-x");
    expect([unknown.status, unknown.body.parameter]).toEqual([400, "payment_id"]);
    expect(yk.refunds).toHaveLength(0);
  });

  it("refunds in full, after which nothing is refundable", async () => {
    yk.succeed(paymentId);
    const full = await refund("990.00", { description: "Changed my mind" });
    expect(full.status).toBe(200);
    expect(full.body).toMatchObject({
      payment_id: paymentId,
      status: "succeeded",
      amount: rub("990.00"),
      description: "Changed my mind",
    });
    expect(new Date(full.body.created_at!).toISOString()).toBe(full.body.created_at);
    expect((await call(yk, "GET", `/refunds/${full.body.id}`)).body).toEqual(full.body);
    expect(yk.payment(paymentId)).toMatchObject({ refunded_amount: rub("990.00"), refundable: false });

    const more = await refund("0.01");
    expect([more.status, more.body.parameter]).toEqual([400, "amount.value"]);
  });

  it("refunds in parts and refuses to go past what is left", async () => {
    yk.succeed(paymentId);
    expect((await refund("300.00")).status).toBe(200);
    expect((await refund("400.50")).status).toBe(200);
    expect(yk.payment(paymentId)).toMatchObject({ refunded_amount: rub("700.50"), refundable: true });

    const over = await refund("289.51");
    expect([over.status, over.body.code, over.body.parameter]).toEqual([
      400,
      "invalid_request",
      "amount.value",
    ]);
    expect(over.body.description).toContain("289.50");
    expect((await refund("289.50")).status).toBe(200);
    expect(yk.refunds.map((r) => r.amount.value)).toEqual(["300.00", "400.50", "289.50"]);
  });

  it("replays a refund with the same key instead of refunding twice", async () => {
    yk.succeed(paymentId);
    const body = { payment_id: paymentId, amount: rub("100.00") };
    const first = await call(yk, "POST", "/refunds", body, "once");
    const again = await call(yk, "POST", "/refunds", body, "once");
    expect(again).toEqual(first);
    expect(yk.refunds).toHaveLength(1);
    expect(yk.payment(paymentId).refunded_amount).toEqual(rub("100.00"));
  });

  it("validates the refund amount and an optional receipt", async () => {
    yk.succeed(paymentId);
    const usd = await call(
      yk,
      "POST",
      "/refunds",
      { payment_id: paymentId, amount: { value: "1.00", currency: "USD" } },
      "u",
    );
    expect(usd.body.parameter).toBe("amount.currency");
    const receipt = {
      customer: { phone: "79001234567" },
      items: [{ description: "Lesson", quantity: 1, amount: rub("50.00"), vat_code: 1 }],
    };
    const mismatch = await refund("60.00", { receipt });
    expect([mismatch.status, mismatch.body.parameter]).toEqual([400, "receipt.items"]);
    const ok = await refund("50.00", { receipt });
    expect(ok.body).toMatchObject({ status: "succeeded", receipt_registration: "succeeded" });
    const unknown = await call(yk, "GET", "/refunds/nope");
    expect([unknown.status, unknown.body.code]).toEqual([404, "not_found"]);
  });
});
