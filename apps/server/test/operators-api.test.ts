import { cliActor, createAdmin } from "@lumen/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./support/test-app.ts";

let t: TestApp;
const core = () => t.core;
const cookies: Record<string, string> = {};

async function login(email: string, password: string) {
  const res = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password } });
  const cookie = res.cookies.find((c) => c.name === "lumen_session");
  return { res, cookie: cookie ? `lumen_session=${cookie.value}` : "" };
}

type Method = "GET" | "POST" | "PATCH" | "DELETE";
const call = (cookie: string, method: Method, url: string, payload?: Record<string, unknown>) =>
  // The panel's writes carry this server's Origin (the CSRF check refuses cookie writes without one).
  t.app.inject({
    method,
    url,
    headers: { cookie, origin: "http://localhost" },
    ...(payload === undefined ? {} : { payload }),
  });

const owner = (method: Method, url: string, payload?: Record<string, unknown>) =>
  call(cookies.owner as string, method, url, payload);

beforeAll(async () => {
  t = await createTestApp();
  for (const [name, role] of [
    ["owner", "owner"],
    ["admin", "admin"],
    ["ops", "operator"],
  ] as const) {
    await createAdmin(core(), cliActor, {
      email: `${name}@example.com`,
      password: `${name} password 1`,
      role,
    });
    cookies[name] = (await login(`${name}@example.com`, `${name} password 1`)).cookie;
  }
});
afterAll(() => t.close());

describe("operators (owner only)", () => {
  it("refuses operators and admins, in the server, for every operator and API key route", async () => {
    for (const who of ["ops", "admin"]) {
      const cookie = cookies[who] as string;
      for (const [method, url] of [
        ["GET", "/api/v1/operators"],
        ["POST", "/api/v1/operators"],
        ["PATCH", "/api/v1/operators/00000000-0000-4000-8000-000000000000"],
        ["POST", "/api/v1/operators/00000000-0000-4000-8000-000000000000/password-reset"],
        ["POST", "/api/v1/operators/00000000-0000-4000-8000-000000000000/sessions/revoke"],
        ["GET", "/api/v1/api-keys"],
        ["POST", "/api/v1/api-keys"],
        ["DELETE", "/api/v1/api-keys/00000000-0000-4000-8000-000000000000"],
      ] as const) {
        const res = await call(cookie, method, url, method === "GET" || method === "DELETE" ? undefined : {});
        expect(res.statusCode, `${who} ${method} ${url}`).toBe(403);
        expect(res.json().error.code).toBe("FORBIDDEN");
      }
    }
  });

  it("lists operators with their open sessions", async () => {
    const res = await owner("GET", "/api/v1/operators");
    expect(res.statusCode).toBe(200);
    const ops = res.json().items.find((o: { email: string }) => o.email === "ops@example.com");
    expect(ops).toMatchObject({ role: "operator", disabled_at: null, active_sessions: 1 });
    expect(JSON.stringify(res.json())).not.toContain("password");
  });

  it("creates an operator with a temporary password shown once, which signs in", async () => {
    const res = await owner("POST", "/api/v1/operators", { email: "New@Example.com", role: "operator" });
    expect(res.statusCode).toBe(201);
    const { operator, temporary_password } = res.json();
    expect(operator).toMatchObject({ email: "new@example.com", role: "operator", active_sessions: 0 });
    expect(temporary_password).toMatch(/^[\w-]{16}$/);
    expect((await login("new@example.com", temporary_password)).res.statusCode).toBe(200);
    const list = await owner("GET", "/api/v1/operators");
    expect(list.body).not.toContain(temporary_password);
    const audit = await owner("GET", `/api/v1/audit?entity_type=admin&entity_id=${operator.id}`);
    expect(audit.json().items.map((i: { action: string }) => i.action)).toEqual(["admin.create"]);
  });

  it("names the field of bad input, and refuses a taken email", async () => {
    const bad = await owner("POST", "/api/v1/operators", { email: "not-an-email", role: "operator" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: "VALIDATION_FAILED", field: "body.email" });
    const role = await owner("POST", "/api/v1/operators", { email: "x@example.com", role: "king" });
    expect(role.json().error.field).toBe("body.role");
    const taken = await owner("POST", "/api/v1/operators", { email: "ops@example.com", role: "admin" });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: "CONFLICT", field: "email" });
    const empty = await owner("PATCH", "/api/v1/operators/00000000-0000-4000-8000-000000000000", {});
    expect(empty.statusCode).toBe(400);
    const unknown = await owner("PATCH", "/api/v1/operators/00000000-0000-4000-8000-000000000000", {
      role: "admin",
    });
    expect(unknown.statusCode).toBe(404);
  });

  it("changes a role, which applies to the operator's next request", async () => {
    const created = (
      await owner("POST", "/api/v1/operators", { email: "role@example.com", role: "operator" })
    ).json();
    const { cookie } = await login("role@example.com", created.temporary_password);
    expect((await call(cookie, "GET", "/api/v1/bots")).statusCode).toBe(403);
    const res = await owner("PATCH", `/api/v1/operators/${created.operator.id}`, { role: "admin" });
    expect(res.json()).toMatchObject({ role: "admin" });
    expect((await call(cookie, "GET", "/api/v1/bots")).statusCode).toBe(200);
    const audit = await owner("GET", `/api/v1/audit?entity_type=admin&entity_id=${created.operator.id}`);
    expect(audit.json().items[0]).toMatchObject({
      action: "admin.role",
      data: { from: "operator", to: "admin" },
    });
  });

  it("disables an operator: their session stops at once and they cannot sign in; enabling lets them back", async () => {
    const created = (
      await owner("POST", "/api/v1/operators", { email: "off@example.com", role: "admin" })
    ).json();
    const { cookie } = await login("off@example.com", created.temporary_password);
    expect((await call(cookie, "GET", "/api/v1/auth/me")).statusCode).toBe(200);
    const off = await owner("PATCH", `/api/v1/operators/${created.operator.id}`, { disabled: true });
    expect(off.json()).toMatchObject({ active_sessions: 0 });
    expect(off.json().disabled_at).not.toBeNull();
    expect((await call(cookie, "GET", "/api/v1/auth/me")).statusCode).toBe(401);
    expect((await login("off@example.com", created.temporary_password)).res.statusCode).toBe(403);
    await owner("PATCH", `/api/v1/operators/${created.operator.id}`, { disabled: false });
    expect((await call(cookie, "GET", "/api/v1/auth/me")).statusCode).toBe(401);
    expect((await login("off@example.com", created.temporary_password)).res.statusCode).toBe(200);
    const audit = await owner("GET", `/api/v1/audit?entity_type=admin&entity_id=${created.operator.id}`);
    // The refused sign-in while disabled is audited too.
    expect(audit.json().items.map((i: { action: string }) => i.action)).toEqual([
      "admin.enable",
      "auth.login_failed",
      "admin.disable",
      "admin.create",
    ]);
  });

  it("resets a password (shown once): the old one and every session stop working", async () => {
    const created = (
      await owner("POST", "/api/v1/operators", { email: "reset@example.com", role: "operator" })
    ).json();
    const { cookie } = await login("reset@example.com", created.temporary_password);
    const res = await owner("POST", `/api/v1/operators/${created.operator.id}/password-reset`);
    expect(res.statusCode).toBe(200);
    const fresh = res.json().temporary_password;
    expect(fresh).not.toBe(created.temporary_password);
    expect((await call(cookie, "GET", "/api/v1/auth/me")).statusCode).toBe(401);
    expect((await login("reset@example.com", created.temporary_password)).res.statusCode).toBe(401);
    expect((await login("reset@example.com", fresh)).res.statusCode).toBe(200);
  });

  it("signs an operator out everywhere", async () => {
    const created = (
      await owner("POST", "/api/v1/operators", { email: "many@example.com", role: "operator" })
    ).json();
    const a = await login("many@example.com", created.temporary_password);
    const b = await login("many@example.com", created.temporary_password);
    const res = await owner("POST", `/api/v1/operators/${created.operator.id}/sessions/revoke`);
    expect(res.json()).toMatchObject({ sessions_ended: 2, operator: { active_sessions: 0 } });
    expect((await call(a.cookie, "GET", "/api/v1/auth/me")).statusCode).toBe(401);
    expect((await call(b.cookie, "GET", "/api/v1/auth/me")).statusCode).toBe(401);
  });

  it("lets an operator replace their password, ending their other sessions", async () => {
    const created = (
      await owner("POST", "/api/v1/operators", { email: "own@example.com", role: "operator" })
    ).json();
    const here = await login("own@example.com", created.temporary_password);
    const elsewhere = await login("own@example.com", created.temporary_password);
    const wrong = await call(here.cookie, "POST", "/api/v1/auth/password", {
      current_password: "wrong",
      new_password: "a brand new password",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.field).toBe("body.current_password");
    const short = await call(here.cookie, "POST", "/api/v1/auth/password", {
      current_password: created.temporary_password,
      new_password: "short",
    });
    expect(short.json().error.field).toBe("body.new_password");
    const ok = await call(here.cookie, "POST", "/api/v1/auth/password", {
      current_password: created.temporary_password,
      new_password: "a brand new password",
    });
    expect(ok.statusCode).toBe(204);
    expect((await call(here.cookie, "GET", "/api/v1/auth/me")).statusCode).toBe(200);
    expect((await call(elsewhere.cookie, "GET", "/api/v1/auth/me")).statusCode).toBe(401);
    expect((await login("own@example.com", "a brand new password")).res.statusCode).toBe(200);
  });

  it("never demotes or disables the last owner, and allows it once there is another", async () => {
    const me = (await owner("GET", "/api/v1/auth/me")).json();
    const demote = await owner("PATCH", `/api/v1/operators/${me.id}`, { role: "admin" });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error).toMatchObject({ code: "CONFLICT", field: "role" });
    const disable = await owner("PATCH", `/api/v1/operators/${me.id}`, { disabled: true });
    expect(disable.json().error).toMatchObject({ code: "CONFLICT", field: "disabled" });

    const second = (
      await owner("POST", "/api/v1/operators", { email: "heir@example.com", role: "owner" })
    ).json();
    expect((await owner("PATCH", `/api/v1/operators/${me.id}`, { role: "admin" })).statusCode).toBe(200);
    expect((await owner("GET", "/api/v1/operators")).statusCode).toBe(403);
    const heir = await login("heir@example.com", second.temporary_password);
    const back = await call(heir.cookie, "PATCH", `/api/v1/operators/${me.id}`, { role: "owner" });
    expect(back.json()).toMatchObject({ role: "owner" });
  });
});

describe("API keys (owner only)", () => {
  it("shows a new key once, lists it without the secret, and a revoked key stops working", async () => {
    const created = await owner("POST", "/api/v1/api-keys", { name: "crm", role: "operator" });
    expect(created.statusCode).toBe(201);
    const { id, key, prefix } = created.json();
    expect(key.startsWith(prefix)).toBe(true);
    const list = await owner("GET", "/api/v1/api-keys");
    expect(list.body).not.toContain(key);
    expect(list.json().items.find((k: { id: string }) => k.id === id)).toMatchObject({
      name: "crm",
      revoked_at: null,
    });
    expect((await t.app.inject({ url: "/api/v1/channels", headers: { "x-auth-key": key } })).statusCode).toBe(
      200,
    );
    expect((await owner("DELETE", `/api/v1/api-keys/${id}`)).statusCode).toBe(204);
    expect((await t.app.inject({ url: "/api/v1/channels", headers: { "x-auth-key": key } })).statusCode).toBe(
      401,
    );
    const revoked = (await owner("GET", "/api/v1/api-keys"))
      .json()
      .items.find((k: { id: string }) => k.id === id);
    expect(revoked.revoked_at).not.toBeNull();
  });

  it("names the field of bad input", async () => {
    const res = await owner("POST", "/api/v1/api-keys", { name: "  ", role: "operator" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe("body.name");
    const past = await owner("POST", "/api/v1/api-keys", {
      name: "old",
      role: "operator",
      expires_at: "yesterday",
    });
    expect(past.json().error.field).toBe("body.expires_at");
    expect((await owner("DELETE", "/api/v1/api-keys/not-a-uuid")).json().error.field).toBe("params.id");
  });
});

describe("settings", () => {
  it("are for admins, not operators", async () => {
    expect((await call(cookies.ops as string, "GET", "/api/v1/settings")).statusCode).toBe(403);
    expect((await call(cookies.admin as string, "GET", "/api/v1/settings")).statusCode).toBe(200);
  });
});
