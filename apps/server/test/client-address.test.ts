import { cliActor, createAdmin, createYooKassaClient, type YooKassaSettings } from "@lumen/core";
import { auditLog, paymentEvents } from "@lumen/db";
import { createFakeYooKassa, type FakeYooKassa } from "@lumen/testkit";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../src/config.ts";
import { createTestApp, type TestApp } from "./support/test-app.ts";

const yookassaIp = "185.71.76.10";
const proxyIp = "10.1.2.3";

describe("TRUST_PROXY", () => {
  it("is false by default, a list of proxies otherwise, and never a blanket true", () => {
    expect(parseConfig({}).TRUST_PROXY).toBe(false);
    expect(parseConfig({ TRUST_PROXY: "10.0.0.0/8, 127.0.0.1,loopback" }).TRUST_PROXY).toEqual([
      "10.0.0.0/8",
      "127.0.0.1",
      "loopback",
    ]);
    expect(() => parseConfig({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY/);
    expect(() => parseConfig({ TRUST_PROXY: "10.0.0.0/99" })).toThrow(/TRUST_PROXY/);
    expect(() => parseConfig({ TRUST_PROXY: "proxy.local" })).toThrow(/TRUST_PROXY/);
  });
});

describe("the YooKassa source check and X-Forwarded-For", () => {
  let yk: FakeYooKassa;
  let direct: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    yk = await createFakeYooKassa({ shopId: "100500", secretKey: "test_secret" });
    const yookassa: YooKassaSettings = {
      client: createYooKassaClient({ apiUrl: yk.baseUrl, shopId: "100500", secretKey: "test_secret" }),
      returnUrl: "https://t.me/lumen_bot",
      receipts: { enabled: false, vatCode: 1, defaultEmail: undefined },
    };
    direct = await createTestApp({ yookassa, yookassaAllowedIps: "185.71.76.0/27", trustProxy: false });
    proxied = await createTestApp({
      yookassa,
      yookassaAllowedIps: "185.71.76.0/27",
      trustProxy: [proxyIp],
      database: direct.database,
    });
  }, 180_000);
  afterAll(async () => {
    await proxied?.close();
    await direct?.close();
    await yk?.close();
  });

  const notification = (id: string) => ({
    type: "notification",
    event: "payment.succeeded",
    object: { id, padding: "x".repeat(40_000) },
  });

  it("ignores a spoofed X-Forwarded-For from a peer that is not a trusted proxy, and stores nothing", async () => {
    for (const app of [direct, proxied]) {
      const res = await app.app.inject({
        method: "POST",
        url: "/api/v1/payments/yookassa/webhook",
        remoteAddress: "203.0.113.9",
        headers: { "x-forwarded-for": yookassaIp },
        payload: notification("forged-payment"),
      });
      expect(res.statusCode).toBe(403);
    }
    expect(await direct.database.db.select().from(paymentEvents)).toEqual([]);
  });

  it("refuses a stranger before reading the body (even a body too large or not JSON)", async () => {
    const res = await direct.app.inject({
      method: "POST",
      url: "/api/v1/payments/yookassa/webhook",
      remoteAddress: "203.0.113.9",
      headers: { "content-type": "application/json" },
      payload: `{"type":"notification","object":{"id":"x","blob":"${"y".repeat(900_000)}`,
    });
    expect(res.statusCode).toBe(403);
  });

  it("believes X-Forwarded-For from a trusted proxy", async () => {
    const res = await proxied.app.inject({
      method: "POST",
      url: "/api/v1/payments/yookassa/webhook",
      remoteAddress: proxyIp,
      headers: { "x-forwarded-for": yookassaIp },
      payload: { type: "notification", event: "payment.succeeded", object: { id: "unknown-payment" } },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe("login rate limit shared by API processes", () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    // A clock that stands still: every attempt falls in one window however slow the machine is.
    const clock = { now: () => new Date("2026-03-01T10:00:30Z") };
    first = await createTestApp({ loginLimitPerMinute: 10, clock });
    second = await createTestApp({ loginLimitPerMinute: 10, clock, database: first.database });
    const core = first.core;
    await createAdmin(core, cliActor, {
      email: "ops@example.com",
      password: "ops password 123",
      role: "admin",
    });
  }, 180_000);
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  const attempt = (app: TestApp, ip: string, email = "ops@example.com") =>
    app.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      remoteAddress: ip,
      payload: { email, password: "wrong password" },
    });

  it("answers the 11th attempt on one account 429 with Retry-After, whichever process and address", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 10; i++) {
      const app = i % 2 === 0 ? first : second;
      codes.push((await attempt(app, `198.51.100.${i + 1}`)).statusCode);
    }
    expect(codes).toEqual(Array(10).fill(401));
    const eleventh = await attempt(second, "198.51.100.77");
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json().error.code).toBe("RATE_LIMITED");
    expect(Number(eleventh.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("limits one address trying many accounts", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 31; i++)
      codes.push((await attempt(i % 2 ? first : second, "192.0.2.50", `x${i}@example.com`)).statusCode);
    expect(codes.slice(0, 30).every((c) => c === 401)).toBe(true);
    expect(codes[30]).toBe(429);
  });

  it("keeps failed logins in the audit log, without the password", async () => {
    const rows = await first.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "auth.login_failed"));
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(rows.find((r) => r.ip === "198.51.100.1")).toMatchObject({
      actorType: "anonymous",
      data: { email: "ops@example.com", reason: "wrong_credentials" },
    });
    expect(JSON.stringify(rows)).not.toContain("wrong password");
  });
});
