import { cliActor, createApiKey, createOpenAIChatModel } from "@lumen/core";
import { auditLog } from "@lumen/db";
import { createFakeOpenAI, type FakeOpenAI, findLedgerMismatches } from "@lumen/testkit";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, testAssistantConfig } from "./support/test-app.ts";

let t: TestApp;
let ai: FakeOpenAI;
let adminKey: string;
let operatorKey: string;
let telegramId = 70_000;

beforeAll(async () => {
  ai = await createFakeOpenAI();
  t = await createTestApp({
    assistant: {
      config: testAssistantConfig,
      chat: createOpenAIChatModel({ baseURL: ai.baseUrl, apiKey: "sk-test", timeoutMs: 5000 }),
      sleep: async () => {},
    },
  });
  const core = t.core;
  adminKey = (await createApiKey(core, cliActor, { name: "admin", role: "admin" })).key;
  operatorKey = (await createApiKey(core, cliActor, { name: "operator", role: "operator" })).key;
});
afterEach(async () => {
  expect(await findLedgerMismatches(t.database.db)).toEqual([]);
});
afterAll(async () => {
  await t.close();
  await ai.close();
});

const call = (method: "GET" | "POST" | "PATCH", url: string, payload?: unknown, key = adminKey) =>
  t.app.inject({
    method,
    url,
    headers: { "x-auth-key": key },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

async function registerUser(): Promise<string> {
  const res = await call("POST", "/api/v1/users", {
    telegram_id: telegramId++,
    first_name: "Api",
    language_code: "en",
  });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

describe("users API", () => {
  it("registers idempotently by telegram id and finds users by it", async () => {
    const body = { telegram_id: 123_456_789_012, first_name: "Zoe", username: "zoe" };
    const first = await call("POST", "/api/v1/users", body, operatorKey);
    const again = await call("POST", "/api/v1/users", { ...body, first_name: "Zoë" }, operatorKey);
    expect([first.statusCode, again.statusCode]).toEqual([201, 200]);
    expect(again.json()).toMatchObject({
      id: first.json().id,
      telegram_id: 123_456_789_012,
      first_name: "Zoë",
    });
    const found = await call("GET", "/api/v1/users?telegram_id=123456789012");
    expect(found.json().items.map((u: { id: string }) => u.id)).toEqual([first.json().id]);
    expect((await call("GET", "/api/v1/users?telegram_id=1")).json()).toEqual({
      items: [],
      next_cursor: null,
    });
    expect((await call("GET", `/api/v1/users/${first.json().id}`)).json().username).toBe("zoe");
  });

  it("changes language, model and ban, naming bad fields", async () => {
    const id = await registerUser();
    const res = await call("PATCH", `/api/v1/users/${id}`, {
      locale: "ru",
      model: "test-max",
      style: "concise",
    });
    expect(res.json()).toMatchObject({ locale: "ru" });
    expect((await call("GET", `/api/v1/users/${id}/credits`)).json().model).toBe("test-max");
    const bad = await call("PATCH", `/api/v1/users/${id}`, { model: "gpt-9" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: "VALIDATION_FAILED", field: "model" });
    expect((await call("PATCH", `/api/v1/users/${id}`, { is_banned: true }, operatorKey)).statusCode).toBe(
      403,
    );
    // Changing what a user pays per question is an admin's act, and it is audited.
    expect((await call("PATCH", `/api/v1/users/${id}`, { model: "test-mini" }, operatorKey)).statusCode).toBe(
      403,
    );
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["user.update", "user.assistant_settings"]),
    );
    expect(audit.find((a) => a.action === "user.assistant_settings")?.data).toMatchObject({
      model: "test-max",
    });
    expect((await call("GET", "/api/v1/users/00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    expect((await call("GET", "/api/v1/users/not-a-uuid")).json().error.field).toBe("params.id");
  });
});

describe("credits and trial API", () => {
  it("adjusts credits once per idempotency key and reports the balance", async () => {
    const id = await registerUser();
    const body = { amount: 5, reason: "welcome gift", idempotency_key: "gift-1" };
    const first = await call("POST", `/api/v1/users/${id}/credits/adjustments`, body);
    const again = await call("POST", `/api/v1/users/${id}/credits/adjustments`, body);
    expect([first.statusCode, again.statusCode]).toEqual([201, 200]);
    expect(again.json()).toEqual(first.json());
    expect(first.json()).toMatchObject({ delta: 5, balance_after: 5, reason: "admin_adjustment" });
    expect((await call("GET", `/api/v1/users/${id}/credits`)).json()).toMatchObject({
      balance: 5,
      trial_messages_left: 0,
      trial_used: false,
      plan: null,
      can_ask: true,
    });
    const zero = await call("POST", `/api/v1/users/${id}/credits/adjustments`, {
      ...body,
      amount: 0,
      idempotency_key: "z",
    });
    expect(zero.json().error).toMatchObject({ code: "VALIDATION_FAILED", field: "body.amount" });
    const overdraw = await call("POST", `/api/v1/users/${id}/credits/adjustments`, {
      ...body,
      amount: -6,
      idempotency_key: "o",
    });
    expect([overdraw.statusCode, overdraw.json().error.code]).toEqual([402, "INSUFFICIENT_CREDITS"]);
    expect(
      (await call("POST", `/api/v1/users/${id}/credits/adjustments`, body, operatorKey)).statusCode,
    ).toBe(403);
  });

  it("starts the trial once", async () => {
    const id = await registerUser();
    const first = await call("POST", `/api/v1/users/${id}/trial`);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ messages_granted: 3, messages_left: 3, expires_at: null });
    const again = await call("POST", `/api/v1/users/${id}/trial`);
    expect([again.statusCode, again.json().error.code]).toEqual([409, "CONFLICT"]);
  });
});

describe("assistant API", () => {
  it("answers with the same accounting as the bot, and pages the log", async () => {
    const id = await registerUser();
    const refused = await call(
      "POST",
      "/api/v1/assistant/messages",
      { user_id: id, text: "hi" },
      operatorKey,
    );
    expect([refused.statusCode, refused.json().error.code]).toEqual([402, "INSUFFICIENT_CREDITS"]);
    await call("POST", `/api/v1/users/${id}/trial`);
    const answered = await call(
      "POST",
      "/api/v1/assistant/messages",
      { user_id: id, text: "hi" },
      operatorKey,
    );
    expect(answered.json()).toMatchObject({ answer: "Echo: hi", charged_from: "trial", model: "test-mini" });
    for (const text of ["a", "b"]) await call("POST", "/api/v1/assistant/messages", { user_id: id, text });
    const page = await call("GET", `/api/v1/users/${id}/messages?limit=2`);
    expect(page.json().items.map((m: { question: string }) => m.question)).toEqual(["b", "a"]);
    const next = await call(
      "GET",
      `/api/v1/users/${id}/messages?limit=2&before=${encodeURIComponent(page.json().next_before)}`,
    );
    expect(next.json().items.map((m: { question: string }) => m.question)).toEqual(["hi"]);
    expect(
      (await call("POST", "/api/v1/assistant/messages", { user_id: id, text: "  " })).json().error.field,
    ).toBe("body.text");
  });

  it("200 concurrent questions against 50 credits: exactly 50 answers, the rest refused, balance 0", async () => {
    const id = await registerUser();
    await call("POST", `/api/v1/users/${id}/credits/adjustments`, {
      amount: 50,
      reason: "load",
      idempotency_key: `load-${id}`,
    });
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        call("POST", "/api/v1/assistant/messages", { user_id: id, text: `q${i}` }, operatorKey),
      ),
    );
    const codes = responses.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(50);
    expect(codes.filter((c) => c === 402)).toHaveLength(150);
    expect(
      responses
        .filter((r) => r.statusCode === 402)
        .every((r) => r.json().error.code === "INSUFFICIENT_CREDITS"),
    ).toBe(true);
    expect((await call("GET", `/api/v1/users/${id}/credits`)).json().balance).toBe(0);
    const rows = await t.database.query<{ status: string; n: number }>(
      "select status, count(*)::int as n from messages_log where user_id = $1 group by status",
      [id],
    );
    expect(rows).toEqual([{ status: "delivered", n: 50 }]);
  });

  it("with the AI failing half the time, the balance is 50 minus the answers delivered", async () => {
    const id = await registerUser();
    await call("POST", `/api/v1/users/${id}/credits/adjustments`, {
      amount: 50,
      reason: "load",
      idempotency_key: `flaky-${id}`,
    });
    ai.failRate(0.5, 7);
    let responses: Awaited<ReturnType<typeof call>>[];
    try {
      responses = await Promise.all(
        Array.from({ length: 120 }, (_, i) =>
          call("POST", "/api/v1/assistant/messages", { user_id: id, text: `f${i}` }),
        ),
      );
    } finally {
      ai.failRate(0);
    }
    const delivered = responses.filter((r) => r.statusCode === 200).length;
    const failed = responses.filter((r) => r.statusCode === 502).length;
    expect(failed).toBeGreaterThan(0);
    expect(delivered).toBeGreaterThan(0);
    expect(responses.every((r) => [200, 402, 502].includes(r.statusCode))).toBe(true);
    expect((await call("GET", `/api/v1/users/${id}/credits`)).json().balance).toBe(50 - delivered);
    const [row] = await t.database.query<{ n: number }>(
      "select count(*)::int as n from messages_log where user_id = $1 and status = 'delivered'",
      [id],
    );
    expect(row?.n).toBe(delivered);
  });
});
