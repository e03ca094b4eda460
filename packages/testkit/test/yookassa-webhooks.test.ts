import { once } from "node:events";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  createFakeYooKassa,
  type FakeYooKassa,
  type YooKassaPayment,
  type YooKassaRefund,
  yookassaIpRanges,
} from "../src/index.ts";

const AUTH = `Basic ${Buffer.from("100500:test_secret_key").toString("base64")}`;
const ORDER = {
  amount: { value: "490.00", currency: "RUB" },
  capture: true,
  confirmation: { type: "redirect", return_url: "https://shop.example/return" },
  metadata: { order_id: "ord_5" },
};

function post(yk: FakeYooKassa, path: string, body: unknown, key: string, signal?: AbortSignal) {
  return fetch(`${yk.baseUrl}${path}`, {
    method: "POST",
    headers: { authorization: AUTH, "idempotence-key": key, "content-type": "application/json" },
    body: JSON.stringify(body),
    signal,
  });
}

type Notification = { type: string; event: string; object: YooKassaPayment };
type Received = { headers: IncomingHttpHeaders; body: Notification };

/** A shop's webhook endpoint on node:http; `hang` leaves requests unanswered. */
async function startReceiver(hang = false) {
  const received: Received[] = [];
  const held: ServerResponse[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    received.push({ headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
    if (hang) held.push(response);
    else response.writeHead(200, { "content-type": "text/plain" }).end("ok");
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/yookassa/webhook`;
  const close = () => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { url, received, close };
}

describe("fake YooKassa: webhooks, outages and close()", () => {
  let yk: FakeYooKassa;
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await yk.close();
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  const start = async () => {
    yk = await createFakeYooKassa({ shopId: "100500", secretKey: "test_secret_key" });
    const receiver = await startReceiver();
    cleanups.push(receiver.close);
    return receiver;
  };
  const createPayment = async (key = "p-1") =>
    (await (await post(yk, "/payments", ORDER, key)).json()) as YooKassaPayment;

  it("delivers a notification with the object as it stands, X-Forwarded-For only when asked", async () => {
    const receiver = await start();
    const payment = await createPayment();
    yk.succeed(payment.id);
    const result = await yk.sendWebhook(receiver.url, "payment.succeeded", payment.id, {
      fromIp: "185.71.76.1",
    });
    expect(result).toEqual({ status: 200, body: "ok" });
    const [first] = receiver.received;
    expect(first!.body).toEqual({
      type: "notification",
      event: "payment.succeeded",
      object: yk.payment(payment.id),
    });
    expect(first!.headers["x-forwarded-for"]).toBe("185.71.76.1");
    expect(first!.headers["content-type"]).toBe("application/json");

    await yk.sendWebhook(receiver.url, "payment.succeeded", payment.id);
    expect(receiver.received[1]!.headers["x-forwarded-for"]).toBeUndefined();
    expect(yk.webhooks.map((delivery) => [delivery.fromIp, delivery.status])).toEqual([
      ["185.71.76.1", 200],
      [undefined, 200],
    ]);
    expect(yookassaIpRanges).toContain("185.71.76.0/27");
  });

  it("sends refund notifications and forged bodies; unknown objects are a test error", async () => {
    const receiver = await start();
    const payment = await createPayment();
    const forged = {
      type: "notification",
      event: "payment.succeeded",
      object: { ...payment, status: "succeeded" },
    };
    await yk.sendRawWebhook(receiver.url, forged, { fromIp: "203.0.113.7" });
    expect(receiver.received[0]!.body.object.status).toBe("succeeded");
    expect(yk.payment(payment.id).status).toBe("pending");

    yk.succeed(payment.id);
    const refunded = await post(yk, "/refunds", { payment_id: payment.id, amount: ORDER.amount }, "r-1");
    const refund = (await refunded.json()) as YooKassaRefund;
    await yk.sendWebhook(receiver.url, "refund.succeeded", refund.id);
    expect(receiver.received[1]!.body).toMatchObject({
      event: "refund.succeeded",
      object: { id: refund.id },
    });
    await expect(yk.sendWebhook(receiver.url, "refund.succeeded", payment.id)).rejects.toThrow(/no refund/);
  });

  it("fails the next requests with 500 internal_server_error, then recovers", async () => {
    await start();
    yk.failNext({ status: 500 }, { times: 2 });
    for (const key of ["a", "a"]) {
      const failed = await post(yk, "/payments", ORDER, key);
      expect(failed.status).toBe(500);
      expect(await failed.json()).toMatchObject({ type: "error", code: "internal_server_error" });
    }
    yk.failNext({ status: 429 });
    expect((await post(yk, "/payments", ORDER, "a")).status).toBe(429);
    expect((await post(yk, "/payments", ORDER, "a")).status).toBe(200);
    expect(yk.payments).toHaveLength(1);
    expect(yk.requests.map((request) => [request.status, request.injected])).toEqual([
      [500, true],
      [500, true],
      [429, true],
      [200, false],
    ]);
  });

  it("with afterProcessing, a retry with the same key gets the payment the lost answer carried", async () => {
    await start();
    yk.failNext({ status: 500, afterProcessing: true });
    expect((await post(yk, "/payments", ORDER, "lost")).status).toBe(500);
    expect(yk.payments).toHaveLength(1);
    const retry = await post(yk, "/payments", ORDER, "lost");
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as YooKassaPayment).id).toBe(yk.payments[0]!.id);
    expect(yk.requests[1]).toMatchObject({ replay: true, injected: false });
  });

  it("waits for requests by event, and holds a 'timeout' request until the client gives up", async () => {
    await start();
    const waiting = yk.waitForRequest((request) => request.path === "/v3/refunds");
    yk.failNext("timeout");
    const held = post(yk, "/payments", ORDER, "slow", AbortSignal.timeout(50));
    await expect(held).rejects.toThrow();
    expect(yk.requests[0]).toMatchObject({ status: undefined, injected: true, idempotenceKey: "slow" });
    await post(yk, "/refunds", { payment_id: "nope", amount: ORDER.amount }, "r");
    expect(await waiting).toMatchObject({ index: 1, status: 400 });
    const later = await yk.waitForRequest({ after: 0 });
    expect(later.index).toBe(0);
  });

  it("close() ends held requests, webhooks in flight and pending waits", async () => {
    yk = await createFakeYooKassa();
    const hanging = await startReceiver(true);
    cleanups.push(hanging.close);
    const payment = (await (
      await fetch(`${yk.baseUrl}/payments`, {
        method: "POST",
        headers: {
          authorization: `Basic ${Buffer.from(`${yk.shopId}:${yk.secretKey}`).toString("base64")}`,
          "idempotence-key": "k",
          "content-type": "application/json",
        },
        body: JSON.stringify(ORDER),
      })
    ).json()) as YooKassaPayment;
    yk.failNext("timeout");
    const held = fetch(`${yk.baseUrl}/payments/${payment.id}`);
    await yk.waitForRequest((request) => request.status === undefined);
    const webhook = yk.sendWebhook(hanging.url, "payment.canceled", payment.id, { timeoutMs: 60_000 });
    const waiting = yk.waitForRequest(() => false, { timeoutMs: 60_000 });
    const outcomes = Promise.allSettled([held, webhook, waiting]);

    await yk.close();
    const settled = await outcomes;
    expect(settled.map((outcome) => outcome.status)).toEqual(["rejected", "rejected", "rejected"]);
    await expect(fetch(`${yk.baseUrl}/payments/${payment.id}`)).rejects.toThrow();
    await expect(yk.sendWebhook(hanging.url, "payment.canceled", payment.id)).rejects.toThrow(/after close/);
  });
});
