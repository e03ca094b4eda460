import { type BotHandle, createFakeOpenAI, type FakeOpenAI, type TelegramEmulator } from "@lumen/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, callbackDataOf, say, sentMessage, textOf } from "../support/bot-journey.ts";
import { type BotSuite, startBotSuite } from "../support/bot-suite.ts";
import { callApi, type LumenProcess } from "../support/lumen-process.ts";

let tg: TelegramEmulator;
let ai: FakeOpenAI;
let bot: BotHandle;
let lumen: LumenProcess;
let adminKey: string;

let suite: BotSuite;
beforeAll(async () => {
  ai = await createFakeOpenAI({ apiKey: "sk-e2e" });
  suite = await startBotSuite({
    username: "pomogator_bot",
    firstName: "Pomogator",
    env: {
      OPENAI_BASE_URL: ai.baseUrl,
      OPENAI_API_KEY: "sk-e2e",
      OPENAI_MODEL: "test-mini",
      AI_MODELS: "test-mini:1,test-max:5",
      TRIAL_MESSAGES: "2",
      // The throttle has its own tests; here it would only make the journey slow.
      TELEGRAM_CHAT_RATE_PER_SECOND: "50",
    },
  });
  ({ tg, bot, lumen, key: adminKey } = suite);
});

afterAll(async () => {
  await suite?.stop();
  await ai?.close();
});

const api = (method: string, path: string, body?: unknown) => callApi(lumen, adminKey, method, path, body);

/** A user who has pressed /start and holds `credits` credits, given by an operator over the API. */
async function fundedUser(firstName: string, languageCode: string, credits: number) {
  const user = tg.createUser({ firstName, languageCode });
  await say(tg, bot, user, "/start");
  const { body } = await api("GET", `/api/v1/users?telegram_id=${user.id}`);
  const userId: string = body.items[0].id;
  await api("POST", `/api/v1/users/${userId}/credits/adjustments`, {
    amount: credits,
    reason: "test",
    idempotency_key: `fund-${user.id}`,
  });
  return { user, userId };
}

/** The finished answer: the first sendMessage to the user after the question that is not a preview. */
async function ask(user: { id: number }, question: string) {
  const after = tg.calls.length;
  await tg.sendText(bot, user, question);
  return tg.waitForCall("sendMessage", (p) => p.chat_id === user.id, { after, timeoutMs: 15_000 });
}

describe("the AI assistant in the bot", () => {
  it("runs a new user through the trial, the refusal, a top-up by API and /balance", async () => {
    const kim = tg.createUser({ firstName: "Kim", languageCode: "en" });
    const menu = sentMessage(await say(tg, bot, kim, "/start"));
    let after = tg.calls.length;
    await tg.pressButton(bot, kim, menu, "menu:trial");
    const started = await tg.waitForCall("editMessageText", (p) => p.chat_id === kim.id, { after });
    expect(textOf(started)).toContain("Your free trial has started: 2 messages.");

    ai.setChunkDelay(120);
    expect(textOf(await ask(kim, "What is 2+2?"))).toBe("Echo: What is 2+2?");
    ai.setChunkDelay(0);
    const drafts = tg.drafts(kim.id).map((d) => d.text);
    expect(drafts.length).toBeGreaterThan(1);
    expect("Echo: What is 2+2?".startsWith(drafts[0] ?? "-")).toBe(true);
    expect(textOf(await ask(kim, "And 3+3?"))).toBe("Echo: And 3+3?");

    const refusal = await ask(kim, "And 4+4?");
    expect(textOf(refusal)).toBe("You have no messages left. Top up your balance to keep talking to me.");
    expect(buttonsOf(refusal)).toEqual([["💳 Top up"]]);
    after = tg.calls.length;
    await tg.pressButton(bot, kim, sentMessage(refusal), "menu:topup");
    const shop = await tg.waitForCall("editMessageText", (p) => p.chat_id === kim.id, { after });
    expect(textOf(shop)).toBe("Nothing is on sale yet. Please come back later.");

    const found = await api("GET", `/api/v1/users?telegram_id=${kim.id}`);
    const userId = found.body.items[0].id;
    const topUp = await api("POST", `/api/v1/users/${userId}/credits/adjustments`, {
      amount: 10,
      reason: "support",
      idempotency_key: "kim-1",
    });
    expect(topUp.status).toBe(201);

    expect(textOf(await ask(kim, "Now?"))).toBe("Echo: Now?");
    const balance = textOf(await say(tg, bot, kim, "/balance"));
    expect(balance).toContain("💰 Balance: 9 credits");
    expect(balance).toContain("🧠 Model: test-mini (1 credit per question)");
    expect((await api("GET", `/api/v1/users/${userId}/credits`)).body).toMatchObject({
      balance: 9,
      trial_messages_left: 0,
    });
  });

  it("retries a failing AI, then apologises with a Retry button and charges nothing", async () => {
    const { user: lee, userId } = await fundedUser("Lee", "ru", 3);

    const before = ai.requests.length;
    ai.failNext({ status: 500 }, { times: 3 });
    const apology = await ask(lee, "Сломаешься?");
    expect(textOf(apology)).toBe(
      "Извините, ИИ сейчас не ответил. Ничего не списано. Нажмите «Повторить», чтобы спросить снова.",
    );
    expect(ai.requests.length - before).toBe(3);
    expect((await api("GET", `/api/v1/users/${userId}/credits`)).body.balance).toBe(3);

    const after = tg.calls.length;
    expect(buttonsOf(apology)).toEqual([["🔁 Повторить"]]);
    await tg.pressButton(bot, lee, sentMessage(apology), callbackDataOf(apology, "🔁 Повторить"));
    const retried = await tg.waitForCall("sendMessage", (p) => p.chat_id === lee.id, {
      after,
      timeoutMs: 15_000,
    });
    expect(textOf(retried)).toBe("Echo: Сломаешься?");
    expect((await api("GET", `/api/v1/users/${userId}/credits`)).body.balance).toBe(2);
  });

  it("keeps context between questions, and /new clears it (the AI sees it)", async () => {
    const { user: max } = await fundedUser("Max", "en", 5);
    await ask(max, "My name is Max");
    let from = ai.requests.length;
    await ask(max, "What is my name?");
    expect(ai.requests[from]?.messages.map((m) => m.content)).toEqual([
      expect.stringContaining("Reply in English"),
      "My name is Max",
      "Echo: My name is Max",
      "What is my name?",
    ]);
    expect(textOf(await say(tg, bot, max, "/new"))).toContain("New conversation started");
    from = ai.requests.length;
    await ask(max, "Who am I?");
    expect(ai.requests[from]?.messages.map((m) => m.role)).toEqual(["system", "user"]);
  });

  it("sends Markdown as HTML, and as plain text when Telegram rejects the formatting", async () => {
    const { user: ora } = await fundedUser("Ora", "en", 5);
    ai.setReply("Use **care** with `x<y`");
    try {
      const formatted = await ask(ora, "tip?");
      expect(formatted.params).toMatchObject({
        parse_mode: "HTML",
        text: "Use <b>care</b> with <code>x&lt;y</code>",
      });
      expect(tg.chatHistory(ora.id).at(-1)?.text).toBe("Use care with x<y");

      tg.failNext("sendMessage", {
        error_code: 400,
        description: "Bad Request: can't parse entities: unsupported start tag",
      });
      const rejected = await ask(ora, "again?");
      expect(rejected.response.ok).toBe(false);
      const plain = await tg.waitForCall("sendMessage", (p) => p.chat_id === ora.id, {
        after: rejected.index + 1,
      });
      expect(plain.params.parse_mode).toBeUndefined();
      expect(plain.params.text).toBe("Use **care** with `x<y`");
    } finally {
      ai.setReply((req) => `Echo: ${String(req.messages.at(-1)?.content)}`);
    }
  });

  it("falls back to an edited message when drafts are refused, and splits long answers", async () => {
    const { user: ned } = await fundedUser("Ned", "en", 5);
    const long = `${"lorem ipsum ".repeat(500)}\n\n${"dolor sit amet ".repeat(200)}`.trim();
    ai.setReply(long);
    ai.setChunkDelay(1);
    tg.failNext(
      "sendMessageDraft",
      { error_code: 400, description: "Bad Request: method is not available" },
      { times: 100 },
    );
    try {
      const after = tg.calls.length;
      await tg.sendText(bot, ned, "Write a lot");
      const preview = await tg.waitForCall("sendMessage", (p) => p.chat_id === ned.id, {
        after,
        timeoutMs: 20_000,
      });
      const last = await tg.waitForCall(
        "sendMessage",
        (p) => p.chat_id === ned.id && String(p.text).endsWith("sit amet"),
        {
          after: preview.index + 1,
          timeoutMs: 20_000,
        },
      );
      const calls = tg.calls.slice(after, last.index + 1).filter((c) => c.params.chat_id === ned.id);
      const edits = calls.filter((c) => c.method === "editMessageText");
      expect(calls.find((c) => c.method === "sendMessage")?.params.text).not.toBe(undefined);
      expect(edits.length).toBeGreaterThan(0);
      const history = tg.chatHistory(ned.id).filter((m) => m.from?.is_bot);
      const answerParts = history.slice(1).map((m) => m.text ?? "");
      expect(answerParts).toHaveLength(3);
      expect(answerParts.join(" ").replace(/\s+/g, " ")).toBe(long.replace(/\s+/g, " "));
      expect(answerParts.every((p) => p.length <= 4096)).toBe(true);
    } finally {
      ai.setReply((req) => `Echo: ${String(req.messages.at(-1)?.content)}`);
      ai.setChunkDelay(0);
    }
  });
});
