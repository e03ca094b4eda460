import { cliActor, createAdmin, createApiKey, errorCodes } from "@lumen/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpStatusOf } from "../src/http/error-handler.ts";
import { createTestApp, type TestApp } from "./support/test-app.ts";

let t: TestApp;
const core = () => ({ db: t.database.db, clock: { now: () => new Date() } });

beforeAll(async () => {
  t = await createTestApp({ loginLimitPerMinute: 5 });
  await createAdmin(core(), cliActor, { email: "owner@example.com", password: "owner password 1" });
  await createAdmin(core(), cliActor, {
    email: "ops@example.com",
    password: "operator password",
    role: "operator",
  });
});
afterAll(() => t.close());

async function login(email: string, password: string) {
  const res = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password } });
  const cookie = res.cookies.find((c) => c.name === "lumen_session");
  return { res, cookie: cookie ? `lumen_session=${cookie.value}` : "" };
}

describe("system routes", () => {
  it("reports health with version and driver", async () => {
    const res = await t.app.inject("/api/health");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: "ok",
      version: "test",
      database: "ok",
      driver: t.database.driver,
    });
  });

  it("serves OpenAPI that documents the API and its security", async () => {
    const doc = (await t.app.inject("/api/openapi.json")).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/auth/login", "/api/v1/api-keys", "/api/v1/bots"]),
    );
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ in: "header", name: "X-Auth-Key" });
    expect((await t.app.inject("/api/docs/")).statusCode).toBe(200);
  });

  it("exposes Prometheus metrics including request durations", async () => {
    const text = (await t.app.inject("/metrics")).body;
    expect(text).toContain("lumen_http_request_duration_seconds_bucket");
    expect(text).toContain('route="/api/health"');
  });

  it("maps every error code to a client or server error status", () => {
    for (const code of errorCodes) expect(httpStatusOf[code]).toBeGreaterThanOrEqual(400);
  });
});

describe("errors", () => {
  it("names the field of a bad body", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "nope", password: "x" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "VALIDATION_FAILED", field: "body.email" });
    expect(res.headers["x-request-id"]).toBe(res.json().error.requestId);
  });

  it("answers malformed JSON with 400, not 500", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: "{oops",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("VALIDATION_FAILED");
  });

  it("answers unknown routes with NOT_FOUND", async () => {
    const res = await t.app.inject("/api/v1/nothing-here");
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("NOT_FOUND");
  });
});

describe("operator sessions", () => {
  it("logs in with an httpOnly cookie, knows who you are, and logs out for good", async () => {
    const { res, cookie } = await login("Owner@example.com", "owner password 1");
    expect(res.statusCode).toBe(200);
    expect(res.json().operator).toMatchObject({ email: "owner@example.com", role: "owner" });
    expect(res.cookies[0]).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });

    const me = await t.app.inject({ url: "/api/v1/auth/me", headers: { cookie } });
    expect(me.json()).toMatchObject({ kind: "admin", name: "owner@example.com", role: "owner" });

    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/api/v1/auth/logout",
          headers: { cookie, origin: "http://localhost" },
        })
      ).statusCode,
    ).toBe(204);
    const after = await t.app.inject({ url: "/api/v1/auth/me", headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe("UNAUTHENTICATED");
  });

  it("rate-limits login attempts per address and email", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await login("ops@example.com", "wrong password")).res.statusCode);
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.slice(5)).toEqual([429, 429]);
    const other = await login("owner@example.com", "owner password 1");
    expect(other.res.statusCode).toBe(200);
  });
});

describe("API keys", () => {
  it("lets an owner create a key, which then authenticates with its role", async () => {
    const { cookie } = await login("owner@example.com", "owner password 1");
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/api-keys",
      headers: { cookie, origin: "http://localhost" },
      payload: { name: "reporting", role: "operator" },
    });
    expect(created.statusCode).toBe(201);
    const { key, id } = created.json();
    const me = await t.app.inject({ url: "/api/v1/auth/me", headers: { "x-auth-key": key } });
    expect(me.json()).toMatchObject({ kind: "api_key", id, name: "reporting", role: "operator" });

    const forbidden = await t.app.inject({ url: "/api/v1/audit", headers: { "x-auth-key": key } });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe("FORBIDDEN");

    const list = await t.app.inject({ url: "/api/v1/api-keys", headers: { cookie } });
    expect(JSON.stringify(list.json())).not.toContain(key);

    expect(
      (
        await t.app.inject({
          method: "DELETE",
          url: `/api/v1/api-keys/${id}`,
          headers: { cookie, origin: "http://localhost" },
        })
      ).statusCode,
    ).toBe(204);
    expect((await t.app.inject({ url: "/api/v1/auth/me", headers: { "x-auth-key": key } })).statusCode).toBe(
      401,
    );
  });

  it("writes every operator change to the audit log", async () => {
    const key = await createApiKey(core(), cliActor, { name: "auditor", role: "admin" });
    const res = await t.app.inject({
      url: "/api/v1/audit?entity_type=api_key",
      headers: { "x-auth-key": key.key },
    });
    const actions = res.json().items.map((i: { action: string }) => i.action);
    expect(actions).toEqual(expect.arrayContaining(["api_key.create", "api_key.revoke"]));
  });

  it("refuses a wrong key and a non-owner creating keys", async () => {
    expect(
      (await t.app.inject({ url: "/api/v1/auth/me", headers: { "x-auth-key": "lmn_wrong" } })).statusCode,
    ).toBe(401);
    const admin = await createApiKey(core(), cliActor, { name: "admin key", role: "admin" });
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/api-keys",
      headers: { "x-auth-key": admin.key },
      payload: { name: "escalate", role: "owner" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: "FORBIDDEN",
      message: "This needs the owner role; you have admin",
    });
  });
});
