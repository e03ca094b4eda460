import { messagesLog } from "@lumen/db";
import { createFakeOpenAI, type FakeOpenAI, findLedgerMismatches } from "@lumen/testkit";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { reserveQuestion } from "../src/assistant/reserve-question.ts";
import {
  type AssistantConfig,
  type AssistantDeps,
  askAssistant,
  changeCredits,
  createOpenAIChatModel,
  extendPlan,
  getAssistantAccount,
  releaseStaleQuestions,
  startNewConversation,
  startTrial,
  updateAssistantSettings,
  upsertTelegramUser,
} from "../src/index.ts";
import { createTestCore } from "./support.ts";

const config: AssistantConfig = {
  trialMessages: 2,
  trialDays: 7,
  models: [
    { id: "mini", price: 1 },
    { id: "max", price: 5 },
  ],
  defaultModel: "mini",
  contextTurns: 2,
  reservationTimeoutMs: 60_000,
};

let t: Awaited<ReturnType<typeof createTestCore>>;
let ai: FakeOpenAI;
let deps: AssistantDeps;
let telegramId = 9000;
const newUser = async () =>
  (await upsertTelegramUser(t.core, { telegramId: telegramId++, firstName: "Q", languageCode: "ru" })).id;
const ask = (userId: string, question: string, extra: Partial<Parameters<typeof askAssistant>[2]> = {}) =>
  askAssistant(t.core, deps, { userId, question, channel: "api", ...extra });

beforeAll(async () => {
  t = await createTestCore();
  ai = await createFakeOpenAI({ apiKey: "sk-test" });
  deps = {
    config,
    chat: createOpenAIChatModel({ baseURL: ai.baseUrl, apiKey: "sk-test", timeoutMs: 2000 }),
    sleep: async () => {},
  };
});
afterEach(async () => {
  expect(await findLedgerMismatches(t.core.db)).toEqual([]);
});
afterAll(async () => {
  await ai.close();
  await t.database.close();
});

describe("askAssistant", () => {
  it("answers from the trial first, then from credits, and logs each question", async () => {
    const userId = await newUser();
    await startTrial(t.core, config, userId);
    await changeCredits(t.core.db, { userId, delta: 3, reason: "purchase", idempotencyKey: `p:${userId}` });
    const first = await ask(userId, "one");
    expect(first).toMatchObject({ chargedFrom: "trial", answer: "Echo: one" });
    await ask(userId, "two");
    const third = await ask(userId, "three");
    expect(third.chargedFrom).toBe("credits");
    const account = await getAssistantAccount(t.core, config, userId);
    expect(account).toMatchObject({ balance: 2, trial: { used: true, messagesLeft: 0 } });
    const [row] = await t.core.db.select().from(messagesLog).where(eq(messagesLog.id, third.messageId));
    expect(row).toMatchObject({
      status: "delivered",
      costCredits: 1,
      chargedFrom: "credits",
      question: "three",
      answer: "Echo: three",
    });
    expect(row?.promptTokens).toBeGreaterThan(0);
    expect(row?.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("uses a plan before credits, and credits once the period's quota is used", async () => {
    const userId = await newUser();
    await changeCredits(t.core.db, { userId, delta: 10, reason: "purchase", idempotencyKey: `p:${userId}` });
    await extendPlan(t.core.db, t.clock.now(), {
      userId,
      planCode: "pro",
      title: "Pro",
      periodDays: 30,
      messagesPerPeriod: 1,
      grantKey: `test:${userId}`,
    });
    expect((await ask(userId, "a")).chargedFrom).toBe("plan");
    expect((await ask(userId, "b")).chargedFrom).toBe("credits");
    t.clock.advance(30 * 86_400_000);
    expect((await ask(userId, "c")).chargedFrom).toBe("credits");
  });

  it("refuses with INSUFFICIENT_CREDITS when nothing is left, and logs nothing", async () => {
    const userId = await newUser();
    await expect(ask(userId, "hello")).rejects.toMatchObject({ code: "INSUFFICIENT_CREDITS" });
    expect(await t.core.db.select().from(messagesLog).where(eq(messagesLog.userId, userId))).toEqual([]);
  });

  it("retries a failing provider and charges once when the third try answers", async () => {
    const userId = await newUser();
    await changeCredits(t.core.db, { userId, delta: 5, reason: "purchase", idempotencyKey: `p:${userId}` });
    ai.failNext({ status: 500 });
    ai.failNext({ status: 429, retryAfterSeconds: 0.01 });
    const after = ai.requests.length;
    const answer = await ask(userId, "flaky");
    expect(answer.answer).toBe("Echo: flaky");
    expect(ai.requests.slice(after).map((r) => r.outcome)).toEqual(["failed", "failed", "answered"]);
    expect((await getAssistantAccount(t.core, config, userId)).balance).toBe(4);
  });

  it("gives the credit back when every try fails, or the stream breaks, or delivery fails", async () => {
    const userId = await newUser();
    await changeCredits(t.core.db, { userId, delta: 5, reason: "purchase", idempotencyKey: `p:${userId}` });
    ai.failNext({ status: 503 }, { times: 3 });
    await expect(ask(userId, "down")).rejects.toMatchObject({ code: "UPSTREAM_FAILED" });
    ai.failNext("cut-stream", { times: 3 });
    await expect(ask(userId, "cut", { onDelta: () => {} })).rejects.toMatchObject({
      code: "UPSTREAM_FAILED",
    });
    await expect(
      ask(userId, "undeliverable", {
        deliver: async () => {
          throw new Error("Telegram said no");
        },
      }),
    ).rejects.toThrow("Telegram said no");
    expect((await getAssistantAccount(t.core, config, userId)).balance).toBe(5);
    const rows = await t.core.db.select().from(messagesLog).where(eq(messagesLog.userId, userId));
    expect(rows.map((r) => r.status)).toEqual(["failed", "failed", "failed"]);
  });

  it("streams the answer as it grows", async () => {
    const userId = await newUser();
    await changeCredits(t.core.db, { userId, delta: 1, reason: "purchase", idempotencyKey: `p:${userId}` });
    ai.setReply("one two three four five six");
    const seen: string[] = [];
    try {
      await ask(userId, "count", { onDelta: (text) => seen.push(text) });
    } finally {
      ai.setReply((req) => `Echo: ${String(req.messages.at(-1)?.content)}`);
    }
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toBe("one two three four five six");
  });

  it("sends the last turns as context in the user's language, and /new starts afresh", async () => {
    const userId = await newUser();
    await changeCredits(t.core.db, { userId, delta: 10, reason: "purchase", idempotencyKey: `p:${userId}` });
    for (const q of ["q1", "q2", "q3"]) await ask(userId, q);
    let after = ai.requests.length;
    await ask(userId, "q4");
    const [withContext] = ai.requests.slice(after);
    expect(withContext?.messages.map((m) => m.content)).toEqual([
      expect.stringContaining("Reply in Russian"),
      "q2",
      "Echo: q2",
      "q3",
      "Echo: q3",
      "q4",
    ]);
    t.clock.advance(1000);
    await startNewConversation(t.core, userId);
    t.clock.advance(1000);
    after = ai.requests.length;
    await ask(userId, "fresh");
    expect(ai.requests.slice(after)[0]?.messages.map((m) => m.role)).toEqual(["system", "user"]);
  });

  it("says the AI is not configured instead of charging", async () => {
    const userId = await newUser();
    await changeCredits(t.core.db, { userId, delta: 1, reason: "purchase", idempotencyKey: `p:${userId}` });
    await expect(
      askAssistant(t.core, { config, chat: undefined }, { userId, question: "x", channel: "api" }),
    ).rejects.toMatchObject({
      code: "SERVICE_UNAVAILABLE",
    });
    expect((await getAssistantAccount(t.core, config, userId)).balance).toBe(1);
  });
});

describe("getAssistantAccount", () => {
  it("reads balance, the plan that ends first with its quota left, the trial and the chosen model", async () => {
    const userId = await newUser();
    const now = t.clock.now();
    expect(await getAssistantAccount(t.core, config, userId)).toEqual({
      balance: 0,
      trial: { used: false, messagesLeft: 0, expiresAt: null, active: false },
      plan: null,
      model: "mini",
      style: "balanced",
      canAsk: false,
    });
    await changeCredits(t.core.db, {
      userId,
      delta: 3,
      reason: "purchase",
      idempotencyKey: `acct:${userId}`,
    });
    await startTrial(t.core, config, userId);
    const plan = (code: string, periodDays: number, messagesPerPeriod: number) =>
      extendPlan(t.core.db, now, {
        userId,
        planCode: code,
        title: code.toUpperCase(),
        periodDays,
        messagesPerPeriod,
        grantKey: `acct:${code}:${userId}`,
      });
    await plan("long", 60, 5);
    await plan("short", 30, 4);
    await updateAssistantSettings(t.core, config, { userId, model: "max", style: "concise" });
    await ask(userId, "from the short plan");
    const account = await getAssistantAccount(t.core, config, userId);
    expect(account).toEqual({
      balance: 3,
      trial: {
        used: true,
        messagesLeft: 2,
        expiresAt: new Date(now.getTime() + 7 * 86_400_000),
        active: true,
      },
      plan: {
        id: expect.any(String),
        planCode: "short",
        title: "SHORT",
        endsAt: new Date(now.getTime() + 30 * 86_400_000),
        messagesPerPeriod: 4,
        messagesLeftThisPeriod: 3,
      },
      model: "max",
      style: "concise",
      canAsk: true,
    });
  });

  it("answers NOT_FOUND for a user who does not exist", async () => {
    await expect(
      getAssistantAccount(t.core, config, "00000000-0000-4000-8000-00000000dead"),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("stale reservations", () => {
  it("gives back what a crashed question took, once", async () => {
    const userId = await newUser();
    await startTrial(t.core, config, userId);
    await changeCredits(t.core.db, { userId, delta: 5, reason: "purchase", idempotencyKey: `p:${userId}` });
    await reserveQuestion(t.core, config, { userId, question: "lost 1", channel: "bot" });
    await reserveQuestion(t.core, config, { userId, question: "lost 2", channel: "bot" });
    await reserveQuestion(t.core, config, { userId, question: "lost 3", channel: "bot" });
    expect(await getAssistantAccount(t.core, config, userId)).toMatchObject({
      balance: 4,
      trial: { messagesLeft: 0 },
    });
    expect(await releaseStaleQuestions(t.core, config.reservationTimeoutMs)).toEqual({ released: 0 });
    t.clock.advance(config.reservationTimeoutMs + 1);
    const released = await releaseStaleQuestions(t.core, config.reservationTimeoutMs);
    expect(released.released).toBeGreaterThanOrEqual(3);
    expect(await releaseStaleQuestions(t.core, config.reservationTimeoutMs)).toEqual({ released: 0 });
    expect(await getAssistantAccount(t.core, config, userId)).toMatchObject({
      balance: 5,
      trial: { messagesLeft: 2 },
    });
  });
});
