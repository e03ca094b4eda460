import { createOpenAIChatModel } from "@lumen/core";
import type { BotHandle } from "@lumen/testkit";
import {
  createFakeOpenAI,
  type FakeOpenAI,
  findLedgerMismatches,
  type TelegramEmulator,
} from "@lumen/testkit";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createBotTestApp } from "./support/bot-test-app.ts";
import { type TestApp, testAssistantConfig } from "./support/test-app.ts";

/**
 * The assistant's chat in the store: questions reserved, answered and committed by the bot's
 * verb, the answer streamed to the page as Server-Sent Events.
 */
let tg: TelegramEmulator;
let bot: BotHandle;
let t: TestApp;
let ai: FakeOpenAI;
let key: string;
let botId: string;
let close: () => Promise<void>;

beforeAll(async () => {
  ai = await createFakeOpenAI();
  ({ tg, bot, t, key, botId, close } = await createBotTestApp(
    { username: "chat_store_bot", firstName: "Chat" },
    {
      assistant: {
        config: testAssistantConfig,
        chat: createOpenAIChatModel({ baseURL: ai.baseUrl, apiKey: "sk-test", timeoutMs: 5000 }),
        sleep: async () => {},
      },
    },
  ));
});
afterEach(async () => {
  expect(await findLedgerMismatches(t.database.db)).toEqual([]);
});
afterAll(async () => {
  await close?.();
  await ai?.close();
});

type SseEvent = { event: string; data: Record<string, unknown> };

function parseEvents(body: string): SseEvent[] {
  return body
    .split("\n\n")
    .filter((block) => block.trim())
    .map((block) => {
      const event = block.match(/^event: (.+)$/m)?.[1] ?? "message";
      const data = block.match(/^data: (.+)$/m)?.[1] ?? "{}";
      return { event, data: JSON.parse(data) };
    });
}

/** A buyer who opened the store, with `credits` credits an operator gave them. */
async function buyer(firstName: string, credits: number) {
  const initData = tg.launchMiniApp(bot, tg.createUser({ firstName }));
  const headers = { "x-telegram-init-data": initData };
  const me = await t.app.inject({ method: "GET", url: `/api/v1/app/${botId}/me`, headers });
  const userId = me.json().user.id as string;
  if (credits > 0) {
    const res = await t.app.inject({
      method: "POST",
      url: `/api/v1/users/${userId}/credits/adjustments`,
      headers: { "x-auth-key": key },
      payload: { amount: credits, reason: "test", idempotency_key: `chat-${userId}` },
    });
    expect(res.statusCode).toBe(201);
  }
  const ask = (question: unknown) =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/app/${botId}/assistant/messages`,
      headers,
      payload: { question },
    });
  const get = (path: string) => t.app.inject({ method: "GET", url: `/api/v1/app/${botId}${path}`, headers });
  const balance = async () => (await get("/me")).json().balance as number;
  return { userId, headers, ask, get, balance };
}

describe("asking in the store", () => {
  it("streams the answer as delta events, then done with the charge, taken once", async () => {
    const ann = await buyer("Ann", 5);
    ai.setReply("The sky is blue because of Rayleigh scattering");
    const res = await ann.ask("Why is the sky blue?");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/event-stream");
    const events = parseEvents(res.body);
    const deltas = events.filter((e) => e.event === "delta");
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.map((e) => e.data.text).join("")).toBe("The sky is blue because of Rayleigh scattering");
    expect(events.at(-1)).toMatchObject({
      event: "done",
      data: { charged_from: "credits", balance: 4, trial_messages_left: 0 },
    });
    expect(await ann.balance()).toBe(4);
    // The operator sees where the question was asked.
    const log = await t.app.inject({
      url: `/api/v1/users/${ann.userId}/messages`,
      headers: { "x-auth-key": key },
    });
    expect(log.json().items).toMatchObject([{ channel: "app", status: "delivered" }]);
  });

  it("gives an error event and charges nothing when the AI fails", async () => {
    const bo = await buyer("Bo", 5);
    ai.failNext({ status: 500 }, { times: 3 });
    const events = parseEvents((await bo.ask("Hello?")).body);
    expect(events.at(-1)).toEqual({
      event: "error",
      data: { code: "UPSTREAM_FAILED", message: "The AI did not answer; nothing was charged" },
    });
    expect(await bo.balance()).toBe(5);
    expect((await bo.get("/assistant/messages")).json().items).toEqual([]);
  });

  it("says INSUFFICIENT_CREDITS to a buyer with no credits, trial or plan", async () => {
    const cy = await buyer("Cy", 0);
    const before = ai.requests.length;
    const events = parseEvents((await cy.ask("Anyone?")).body);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ event: "error", data: { code: "INSUFFICIENT_CREDITS" } });
    expect(String(events[0]?.data.message)).toMatch(/credits/);
    expect(ai.requests.length).toBe(before);
  });

  it("lists the conversation and starts a new one", async () => {
    const di = await buyer("Di", 5);
    ai.setReply((req) => `Echo: ${String(req.messages.at(-1)?.content)}`);
    parseEvents((await di.ask("first")).body);
    parseEvents((await di.ask("second")).body);
    const history = (await di.get("/assistant/messages")).json();
    expect(history.items.map((m: { question: string; answer: string }) => [m.question, m.answer])).toEqual([
      ["first", "Echo: first"],
      ["second", "Echo: second"],
    ]);
    const fresh = await t.app.inject({
      method: "POST",
      url: `/api/v1/app/${botId}/assistant/new`,
      headers: di.headers,
    });
    expect(fresh.statusCode).toBe(204);
    expect((await di.get("/assistant/messages")).json().items).toEqual([]);
    const before = ai.requests.length;
    parseEvents((await di.ask("third")).body);
    expect(ai.requests[before]?.messages.map((m) => m.role)).toEqual(["system", "user"]);
    expect(await di.balance()).toBe(2);
  });
});

describe("what the chat refuses", () => {
  it("answers 400 naming the question when it is empty or too long, before any stream", async () => {
    const ed = await buyer("Ed", 5);
    for (const question of ["", "   ", "x".repeat(4001), 42]) {
      const res = await ed.ask(question);
      expect(res.statusCode).toBe(400);
      expect(res.headers["content-type"]).toContain("application/json");
      expect(res.body).toContain("question");
    }
    expect(await ed.balance()).toBe(5);
  });

  it("refuses an operator API key with 401", async () => {
    for (const [method, path] of [
      ["POST", "/assistant/messages"],
      ["GET", "/assistant/messages"],
      ["POST", "/assistant/new"],
    ] as const) {
      const res = await t.app.inject({
        method,
        url: `/api/v1/app/${botId}${path}`,
        headers: { "x-auth-key": key },
        ...(method === "POST" ? { payload: { question: "hi" } } : {}),
      });
      expect(res.statusCode).toBe(401);
    }
  });
});

describe("the question limit", () => {
  it("counts the store's questions against BOT_QUESTIONS_PER_MINUTE: over it, 429 before any stream", async () => {
    const limited = await createBotTestApp(
      { username: "limited_chat_bot", firstName: "Limited" },
      {
        questionsPerMinute: 1,
        assistant: {
          config: testAssistantConfig,
          chat: createOpenAIChatModel({ baseURL: ai.baseUrl, apiKey: "sk-test", timeoutMs: 5000 }),
          sleep: async () => {},
        },
      },
    );
    try {
      const initData = limited.tg.launchMiniApp(limited.bot, limited.tg.createUser({ firstName: "Fay" }));
      const ask = () =>
        limited.t.app.inject({
          method: "POST",
          url: `/api/v1/app/${limited.botId}/assistant/messages`,
          headers: { "x-telegram-init-data": initData },
          payload: { question: "again?" },
        });
      const first = await ask();
      expect(first.statusCode).toBe(200);
      expect(parseEvents(first.body).at(-1)?.data.code).toBe("INSUFFICIENT_CREDITS");
      const second = await ask();
      expect(second.statusCode).toBe(429);
      expect(second.json().error.code).toBe("RATE_LIMITED");
    } finally {
      await limited.close();
    }
  });
});
