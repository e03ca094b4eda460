import { randomBytes } from "node:crypto";
import { cliActor, createApiKey, createSecretBox, systemActor } from "@lumen/core";
import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import { createTelegramEmulator, type TelegramEmulator } from "@lumen/testkit";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBotRuntime } from "../src/bot/bot-runtime.ts";
import { createMetrics } from "../src/http/metrics.ts";
import { createJobOutbox } from "../src/jobs/outbox.ts";
import { createSecretRegistry } from "../src/log/secret-registry.ts";
import { say, textOf } from "./support/bot-journey.ts";
import { createTestApp, type TestApp, testAssistantConfig } from "./support/test-app.ts";

// A clock that stands still: every hit falls in one window however slow the machine is.
const clock = { now: () => new Date("2026-03-01T10:00:30Z") };

describe("HTTP API limits per key and per address, shared by processes", () => {
  let first: TestApp;
  let second: TestApp;
  let key: string;
  beforeAll(async () => {
    const apiRateLimits = { perKeyPerMinute: 4, perAddressPerMinute: 6 };
    first = await createTestApp({ clock, apiRateLimits });
    second = await createTestApp({ clock, apiRateLimits, database: first.database });
    key = (await createApiKey(first.core, cliActor, { name: "crm", role: "admin" })).key;
  }, 180_000);
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  const me = (app: TestApp, ip: string, headers: Record<string, string> = {}) =>
    app.app.inject({ method: "GET", url: "/api/v1/auth/me", remoteAddress: ip, headers });

  // Each process admits up to half a limit on its own and flushes its count every 250 ms; past
  // half, every request reads the shared total, which lacks only the other's unflushed hits.
  it("answers past an API key's limit 429 with Retry-After, from any address and process", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++)
      codes.push((await me(i % 2 ? first : second, `198.51.100.${i + 1}`, { "x-auth-key": key })).statusCode);
    expect(codes.slice(0, 4)).toEqual([200, 200, 200, 200]);
    expect(codes.filter((code) => code === 200).length).toBeLessThanOrEqual(4 + 2);
    const over = await me(first, "198.51.100.9", { "x-auth-key": key });
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe("RATE_LIMITED");
    expect(Number(over.headers["retry-after"])).toBeGreaterThan(0);
    expect((await me(second, "198.51.100.10", { "x-auth-key": key })).statusCode).toBe(429);
  });

  it("limits one client address whatever it sends, and not the others", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 10; i++) codes.push((await me(i % 2 ? first : second, "192.0.2.7")).statusCode);
    expect(codes.slice(0, 6)).toEqual(Array(6).fill(401));
    expect(codes.filter((code) => code === 401).length).toBeLessThanOrEqual(6 + 3);
    expect(codes.at(-1)).toBe(429);
    expect((await me(first, "192.0.2.8")).statusCode).toBe(401);
  });

  it("leaves the health check alone", async () => {
    for (let i = 0; i < 8; i++) {
      const res = await first.app.inject({ url: "/api/health", remoteAddress: "192.0.2.7" });
      expect(res.statusCode).not.toBe(429);
    }
  });
});

describe("bot limits per Telegram user", () => {
  let database: TestDatabase;
  let tg: TelegramEmulator;
  let runtime: ReturnType<typeof createBotRuntime>;
  beforeAll(async () => {
    database = await createTestDatabase();
    tg = await createTelegramEmulator();
    const core = { db: database.db, clock, outbox: createJobOutbox() };
    runtime = createBotRuntime({
      core,
      assistant: { chat: undefined, config: testAssistantConfig },
      enqueue: async () => {},
      shop: { telegramProviderToken: undefined, yookassa: undefined, mock: false },
      access: { graceMs: 0 },
      referrals: { percent: 10, holdDays: 14 },
      limits: { questionsPerMinute: 2, checkoutsPerMinute: 2 },
      secretBox: createSecretBox(randomBytes(32)),
      secrets: createSecretRegistry(),
      metrics: createMetrics(),
      logger: pino({ level: "silent" }),
      apiRoot: tg.apiRoot,
      throttle: { globalPerSecond: 1000, perChatPerSecond: 1000 },
      storeBaseUrlFor: () => undefined,
      mode: { kind: "polling" },
    });
  }, 180_000);
  afterAll(async () => {
    await runtime?.stop();
    await tg?.close();
    await database?.close();
  });

  it("asks a user who sends questions too fast to wait, in their language, and others are not affected", async () => {
    const handle = tg.createBot({ username: "limited_bot", firstName: "Limited" });
    await runtime.addBot(systemActor, { token: handle.token });
    const ann = tg.createUser({ firstName: "Ann", languageCode: "en" });
    const answers: string[] = [];
    for (const question of ["one?", "two?", "three?"])
      answers.push(textOf(await say(tg, handle, ann, question)));
    expect(answers[0]).not.toContain("too fast");
    expect(answers[1]).not.toContain("too fast");
    expect(answers[2]).toContain("You are going too fast");
    const ivan = tg.createUser({ firstName: "Ivan", languageCode: "ru" });
    expect(textOf(await say(tg, handle, ivan, "вопрос?"))).not.toContain("Слишком быстро");
    await say(tg, handle, ivan, "ещё?");
    expect(textOf(await say(tg, handle, ivan, "и ещё?"))).toContain("Слишком быстро");
  });
});
