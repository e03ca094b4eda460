import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./support/test-app.ts";

const token = "metrics-token-0123456789";
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ metricsToken: token });
}, 180_000);
afterAll(() => t?.close());

describe("HTTP hardening", () => {
  it("sets security headers on every response, errors included", async () => {
    for (const url of ["/api/health", "/api/v1/auth/me", "/no-such-page"]) {
      const res = await t.app.inject({ url });
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["x-frame-options"]).toBe("DENY");
      expect(res.headers["referrer-policy"]).toBe("no-referrer");
      expect(String(res.headers["content-security-policy"])).toContain("frame-ancestors 'none'");
    }
  });

  it("lets only Telegram's web client frame the Mini App store, and nothing frame the rest", async () => {
    for (const url of ["/app/", "/app/6a1f0c1e-0000-4000-8000-000000000000/products/x"]) {
      const res = await t.app.inject({ url });
      expect(res.headers["x-frame-options"], url).toBeUndefined();
      expect(String(res.headers["content-security-policy"])).toContain(
        "frame-ancestors 'self' https://web.telegram.org",
      );
    }
    for (const url of ["/admin/", "/api/v1/app/x/catalog", "/apple"]) {
      const res = await t.app.inject({ url });
      expect(res.headers["x-frame-options"], url).toBe("DENY");
      expect(String(res.headers["content-security-policy"])).toContain("frame-ancestors 'none'");
    }
  });

  it("serves /metrics and the API docs only with the METRICS_TOKEN bearer", async () => {
    for (const url of ["/metrics", "/api/openapi.json", "/api/docs"]) {
      expect((await t.app.inject({ url })).statusCode).toBe(401);
      expect((await t.app.inject({ url, headers: { authorization: "Bearer wrong" } })).statusCode).toBe(401);
      const ok = await t.app.inject({ url, headers: { authorization: `Bearer ${token}` } });
      expect(ok.statusCode).toBeLessThan(400);
    }
    expect((await t.app.inject({ url: "/api/health" })).statusCode).toBe(200);
  });
});
