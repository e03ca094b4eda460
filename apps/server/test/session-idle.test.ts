import { cliActor, createAdmin } from "@lumen/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../src/config.ts";
import { createTestApp, type TestApp } from "./support/test-app.ts";

const MINUTE = 60_000;
let now = new Date("2026-04-01T09:00:00Z");
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => now }, sessionIdleTimeoutMs: 30 * MINUTE });
  await createAdmin(t.core, cliActor, { email: "idle@example.com", password: "idle password 1" });
});
afterAll(() => t.close());

const advance = (ms: number) => {
  now = new Date(now.getTime() + ms);
};

async function login(): Promise<string> {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { email: "idle@example.com", password: "idle password 1" },
  });
  const cookie = res.cookies.find((c) => c.name === "lumen_session");
  if (!cookie) throw new Error(`could not log in: ${res.body}`);
  return `lumen_session=${cookie.value}`;
}

const me = async (cookie: string) =>
  (await t.app.inject({ url: "/api/v1/auth/me", headers: { cookie } })).statusCode;

describe("operator session idle timeout", () => {
  it("ends a session left unused past the timeout and keeps a used one going", async () => {
    const idle = await login();
    const active = await login();
    for (let step = 0; step < 5; step++) {
      advance(20 * MINUTE);
      expect(await me(active)).toBe(200);
    }
    // 100 minutes in: the active session lives on, the one unused since login has ended.
    expect(await me(idle)).toBe(401);
    advance(31 * MINUTE);
    expect(await me(active)).toBe(401);
  });

  it("reads the timeout from SESSION_IDLE_TIMEOUT_MINUTES, an hour by default", () => {
    expect(parseConfig({}).SESSION_IDLE_TIMEOUT_MINUTES).toBe(60);
    expect(parseConfig({ SESSION_IDLE_TIMEOUT_MINUTES: "15" }).SESSION_IDLE_TIMEOUT_MINUTES).toBe(15);
    expect(() => parseConfig({ SESSION_IDLE_TIMEOUT_MINUTES: "0" })).toThrow(/SESSION_IDLE_TIMEOUT_MINUTES/);
  });
});
