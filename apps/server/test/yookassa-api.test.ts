import {
  cliActor,
  createApiKey,
  createProduct,
  createYooKassaClient,
  reconcileYooKassaPayments,
  upsertTelegramUser,
  type YooKassaSettings,
} from "@lumen/core";
import {
  createFakeYooKassa,
  type FakeYooKassa,
  findLedgerMismatches,
  findOrderMismatches,
} from "@lumen/testkit";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./support/test-app.ts";

let t: TestApp;
let yk: FakeYooKassa;
let key: string;
let productId: string;
let telegramId = 90_000;
const core = () => t.core;
const allowedIp = "185.71.76.10";

beforeAll(async () => {
  yk = await createFakeYooKassa({ shopId: "100500", secretKey: "test_secret" });
  const yookassa: YooKassaSettings = {
    client: createYooKassaClient({ apiUrl: yk.baseUrl, shopId: "100500", secretKey: "test_secret" }),
    returnUrl: "https://t.me/lumen_bot",
    receipts: { enabled: true, vatCode: 1, defaultEmail: "receipts@example.com" },
  };
  t = await createTestApp({ yookassa, yookassaAllowedIps: "185.71.76.0/27,77.75.156.11" });
  key = (await createApiKey(core(), cliActor, { name: "shop", role: "admin" })).key;
  const product = await createProduct(core(), cliActor, {
    title: "Course seat",
    details: { kind: "credits", credits: 300 },
    prices: [{ currency: "RUB", amount: 99_000 }],
  });
  productId = product.id;
});
afterEach(async () => {
  expect(await findLedgerMismatches(t.database.db)).toEqual([]);
  expect(await findOrderMismatches(t.database.db)).toEqual([]);
});
afterAll(async () => {
  await t.close();
  await yk.close();
});

async function checkout() {
  const user = await upsertTelegramUser(core(), { telegramId: telegramId++, firstName: "R" });
  const res = await t.app.inject({
    method: "POST",
    url: "/api/v1/orders",
    headers: { "x-auth-key": key },
    payload: { user_id: user.id, product_id: productId, currency: "RUB", provider: "yookassa" },
  });
  expect(res.statusCode).toBe(201);
  const body = res.json();
  const payment = yk.payments.at(-1);
  if (!payment) throw new Error("no payment at YooKassa");
  return { user, order: body.order, url: body.confirmation_url as string, paymentId: payment.id };
}

const webhook = (event: string, object: unknown, ip = allowedIp) =>
  t.app.inject({
    method: "POST",
    url: "/api/v1/payments/yookassa/webhook",
    remoteAddress: ip,
    payload: { type: "notification", event, object },
  });

const orderStatus = async (id: string) =>
  (await t.app.inject({ url: `/api/v1/orders/${id}`, headers: { "x-auth-key": key } })).json().status;
const balance = async (userId: string) =>
  (await t.app.inject({ url: `/api/v1/users/${userId}/credits`, headers: { "x-auth-key": key } })).json()
    .balance;

describe("YooKassa", () => {
  it("creates the payment with an Idempotence-Key, a receipt and the order id; pays it once by webhook", async () => {
    const { user, order, url, paymentId } = await checkout();
    expect(url).toContain("/checkout/");
    const create = yk.requests.find(
      (r) =>
        r.method === "POST" &&
        r.path === "/v3/payments" &&
        (r.body as { metadata?: { order_id?: string } }).metadata?.order_id === order.id,
    );
    expect(create?.idempotenceKey).toBe(`order-${order.id}`);
    expect(create?.body).toMatchObject({
      amount: { value: "990.00", currency: "RUB" },
      capture: true,
      receipt: { customer: { email: "receipts@example.com" }, items: [{ quantity: "1.00", vat_code: 1 }] },
    });
    yk.succeed(paymentId);
    const res = await webhook("payment.succeeded", yk.payment(paymentId));
    expect(res.statusCode).toBe(200);
    expect(await orderStatus(order.id)).toBe("paid");
    expect(await balance(user.id)).toBe(300);
  });

  it("settles once when the same webhook arrives 10 times at once", async () => {
    const { user, order, paymentId } = await checkout();
    yk.succeed(paymentId);
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => webhook("payment.succeeded", yk.payment(paymentId))),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    expect(await orderStatus(order.id)).toBe("paid");
    expect(await balance(user.id)).toBe(300);
    const [settled] = await t.database.query<{ n: number }>(
      "select count(*)::int as n from payment_events where order_id = $1 and outcome = 'settled'",
      [order.id],
    );
    expect(settled?.n).toBe(1);
  });

  it("refuses a webhook from an address outside YooKassa's ranges, and settles nothing", async () => {
    const { user, order, paymentId } = await checkout();
    yk.succeed(paymentId);
    const res = await webhook("payment.succeeded", yk.payment(paymentId), "203.0.113.7");
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("FORBIDDEN");
    expect(await orderStatus(order.id)).toBe("pending");
    expect(await balance(user.id)).toBe(0);
  });

  it("trusts the API, not the notification: a forged success for a pending payment settles nothing", async () => {
    const { user, order, paymentId } = await checkout();
    const forged = { ...yk.payment(paymentId), status: "succeeded", paid: true };
    expect((await webhook("payment.succeeded", forged)).statusCode).toBe(200);
    expect(await orderStatus(order.id)).toBe("pending");
    expect(await balance(user.id)).toBe(0);
  });

  it("keeps a paid order paid when a cancellation arrives after the success", async () => {
    const { user, order, paymentId } = await checkout();
    yk.succeed(paymentId);
    await webhook("payment.succeeded", yk.payment(paymentId));
    await webhook("payment.canceled", { ...yk.payment(paymentId), status: "canceled" });
    expect(await orderStatus(order.id)).toBe("paid");
    expect(await balance(user.id)).toBe(300);
  });

  it("cancels an unpaid order when YooKassa cancels the payment", async () => {
    const { order, paymentId } = await checkout();
    yk.cancel(paymentId);
    await webhook("payment.canceled", yk.payment(paymentId));
    expect(await orderStatus(order.id)).toBe("cancelled");
  });

  it("finds a payment whose webhook was lost by reconciliation", async () => {
    const { user, order, paymentId } = await checkout();
    yk.succeed(paymentId);
    const result = await reconcileYooKassaPayments(
      core(),
      createYooKassaClient({ apiUrl: yk.baseUrl, shopId: "100500", secretKey: "test_secret" }),
      0,
    );
    expect(result.settled).toContain(order.id);
    expect(await orderStatus(order.id)).toBe("paid");
    expect(await balance(user.id)).toBe(300);
    const again = await reconcileYooKassaPayments(
      core(),
      createYooKassaClient({ apiUrl: yk.baseUrl, shopId: "100500", secretKey: "test_secret" }),
      0,
    );
    expect(again.settled).not.toContain(order.id);
  });

  it("mirrors a refund made in YooKassa's dashboard, once", async () => {
    const { user, order, paymentId } = await checkout();
    yk.succeed(paymentId);
    await webhook("payment.succeeded", yk.payment(paymentId));
    const refund = await fetch(`${yk.baseUrl}/refunds`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from("100500:test_secret").toString("base64")}`,
        "content-type": "application/json",
        "idempotence-key": `dash-${paymentId}`,
      },
      body: JSON.stringify({ payment_id: paymentId, amount: { value: "990.00", currency: "RUB" } }),
    }).then((r) => r.json());
    const forged = { ...refund, payment_id: paymentId };
    expect((await webhook("refund.succeeded", forged)).statusCode).toBe(200);
    expect((await webhook("refund.succeeded", forged)).statusCode).toBe(200);
    expect(await orderStatus(order.id)).toBe("refunded");
    expect(await balance(user.id)).toBe(0);
  });

  it("refunds at YooKassa and takes the credits back", async () => {
    const { user, order, paymentId } = await checkout();
    yk.succeed(paymentId);
    await webhook("payment.succeeded", yk.payment(paymentId));
    const res = await t.app.inject({
      method: "POST",
      url: `/api/v1/orders/${order.id}/refund`,
      headers: { "x-auth-key": key },
      payload: {},
    });
    expect(res.statusCode).toBe(200);
    expect(yk.refunds.find((r) => r.payment_id === paymentId)).toMatchObject({
      status: "succeeded",
      amount: { value: "990.00" },
    });
    expect(await balance(user.id)).toBe(0);
  });
});
