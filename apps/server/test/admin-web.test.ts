import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliActor, createApiKey } from "@lumen/core";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installWebApps } from "../src/http/web-apps.ts";
import { createTestApp, type TestApp } from "./support/test-app.ts";

const SETUP_CODE = "ABCD-EFGH-JKLM-NPQR-STUV";
let t: TestApp;
const core = () => t.core;

beforeAll(async () => {
  t = await createTestApp({ setupCode: SETUP_CODE, publicUrl: "https://shop.example.com" });
});
afterAll(() => t.close());

const setup = (payload: Record<string, unknown>) =>
  t.app.inject({ method: "POST", url: "/api/v1/setup", payload });

async function login(email: string, password: string): Promise<string> {
  const res = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password } });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === "lumen_session");
  return `lumen_session=${cookie?.value}`;
}

describe("first-run setup", () => {
  it("creates the owner only with the code from the log, once", async () => {
    expect((await t.app.inject("/api/v1/setup")).json()).toEqual({ open: true });

    const wrong = await setup({
      setup_code: "AAAA-BBBB",
      email: "boss@example.com",
      password: "a long password",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: "VALIDATION_FAILED", field: "setup_code" });

    const short = await setup({ setup_code: SETUP_CODE, email: "boss@example.com", password: "short" });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.field).toBe("body.password");

    // The code is forgiving about case and dashes, as people copy it from a terminal.
    const created = await setup({
      setup_code: SETUP_CODE.toLowerCase().replaceAll("-", ""),
      email: "Boss@Example.com",
      password: "a long password",
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().operator).toMatchObject({ email: "boss@example.com", role: "owner" });
    expect((await t.app.inject("/api/v1/setup")).json()).toEqual({ open: false });

    const again = await setup({
      setup_code: SETUP_CODE,
      email: "thief@example.com",
      password: "a long password",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("CONFLICT");
    const wrongLater = await setup({
      setup_code: "nope",
      email: "thief@example.com",
      password: "a long password",
    });
    expect(wrongLater.statusCode).toBe(409);

    const cookie = await login("boss@example.com", "a long password");
    const audit = await t.app.inject({ url: "/api/v1/audit?entity_type=admin", headers: { cookie } });
    expect(audit.json().items[0]).toMatchObject({ action: "admin.setup", actor_type: "system" });
  });
});

describe("CSRF on cookie sessions", () => {
  const keyBody = { name: "csrf", role: "operator" };

  it("refuses a cookie write from another origin or with no origin, allows this server's", async () => {
    const cookie = await login("boss@example.com", "a long password");
    const post = (headers: Record<string, string>) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/api-keys",
        headers: { cookie, ...headers },
        payload: keyBody,
      });

    const cross = await post({ origin: "https://evil.example" });
    expect(cross.statusCode).toBe(403);
    expect(cross.json().error.code).toBe("FORBIDDEN");
    expect((await post({})).statusCode).toBe(403);
    expect((await post({ referer: "https://evil.example/page" })).statusCode).toBe(403);

    expect((await post({ origin: "http://localhost" })).statusCode).toBe(201);
    expect((await post({ referer: "http://localhost/admin/api-keys" })).statusCode).toBe(201);
    // Behind a proxy the browser's origin is PUBLIC_URL, not the Host the server sees.
    expect((await post({ origin: "https://shop.example.com" })).statusCode).toBe(201);
  });

  it("does not apply to API keys, which are no ambient credential", async () => {
    const key = await createApiKey(core(), cliActor, { name: "script", role: "owner" });
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/api-keys",
      headers: { "x-auth-key": key.key, origin: "https://elsewhere.example" },
      payload: keyBody,
    });
    expect(res.statusCode).toBe(201);
  });

  it("keeps reads working from anywhere (GET is not a write)", async () => {
    const cookie = await login("boss@example.com", "a long password");
    const res = await t.app.inject({
      url: "/api/v1/auth/me",
      headers: { cookie, origin: "https://evil.example" },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe("serving a built web app", () => {
  let dir: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "lumen-web-"));
    mkdirSync(join(dir, "assets"));
    writeFileSync(join(dir, "index.html"), "<!doctype html><title>panel</title>");
    writeFileSync(join(dir, "assets", "index-abc123.js"), "console.log(1)");
    app = Fastify();
    await installWebApps(app, [{ name: "admin panel", prefix: "/admin", dir }], { rootRedirect: "/admin/" });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("caches hashed assets forever and never the page", async () => {
    const asset = await app.inject("/admin/assets/index-abc123.js");
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const page = await app.inject("/admin/");
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/text\/html/);
    expect(page.headers["cache-control"]).toBe("no-cache");
  });

  it("answers client routes with the app and missing assets with 404", async () => {
    for (const path of ["/admin/audit", "/admin/users/boss@example.com", "/admin/login?redirect=%2Faudit"]) {
      const res = await app.inject(path);
      expect(res.statusCode, path).toBe(200);
      expect(res.body).toContain("<title>panel</title>");
    }
    expect((await app.inject("/admin/assets/missing-123.js")).statusCode).toBe(404);
    expect((await app.inject("/admin/missing.js")).statusCode).toBe(404);
    expect((await app.inject("/admin/../package.json")).statusCode).not.toBe(200);
  });

  it("redirects / and /admin to the panel", async () => {
    expect((await app.inject("/")).headers.location).toBe("/admin/");
    expect((await app.inject("/admin")).headers.location).toBe("/admin/");
  });

  it("says how to build it when the build is missing", async () => {
    rmSync(join(dir, "index.html"));
    const res = await app.inject("/admin/orders");
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain("npm run build:web");
  });
});

describe("first-run setup under a race", () => {
  let race: TestApp;
  beforeAll(async () => {
    race = await createTestApp({ setupCode: SETUP_CODE });
  });
  afterAll(() => race.close());

  it("lets exactly one of several simultaneous requests with the right code become the owner", async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        race.app.inject({
          method: "POST",
          url: "/api/v1/setup",
          payload: { setup_code: SETUP_CODE, email: `owner${i}@example.com`, password: "a long password" },
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409, 409]);
    const rows = await race.database.query("select count(*)::int as n from admins");
    expect(rows[0]).toEqual({ n: 1 });
  });
});
