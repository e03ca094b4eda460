import { cliActor, createAdjustableClock, createAdmin, startOperatorTelegramLink } from "@lumen/core";
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTelegramBroadcastSender } from "../src/broadcasts/telegram-sender.ts";
import { broadcastSendJob } from "../src/jobs/broadcasts.ts";
import { say } from "./support/bot-journey.ts";
import { type BotTestApp, createBotTestApp } from "./support/bot-test-app.ts";
import { runQueuedJobs } from "./support/queued-jobs.ts";

/**
 * The broadcasts API over the real app and the Telegram emulator: compose (400 naming the field),
 * the live audience count, a preview in the operator's own chat, sending in each recipient's
 * language, a button press counted, a 403 and a 429 from Telegram, and the report.
 */
let s: BotTestApp;
let cookie: string;
let reviewer: string;
let ann: User;
let boris: User;
let cleo: User;
let operatorTg: User;
const clock = createAdjustableClock();

const call = async (method: string, url: string, payload?: unknown, as = cookie) => {
  const res = await s.t.app.inject({
    method: method as "POST",
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
    headers: { cookie: as, origin: "http://localhost" },
  });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> };
};

const jobs = () => {
  const sender = createTelegramBroadcastSender({
    botApis: s.t.botApis,
    storeBaseUrlFor: () => undefined,
    publicUrl: "https://shop.example",
  });
  return [broadcastSendJob({ core: s.t.core, sender })];
};

const signIn = async (email: string, role: "operator" | "reviewer") => {
  await createAdmin(s.t.core, cliActor, { email, password: "broadcast password 1", role });
  const res = await s.t.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { email, password: "broadcast password 1" },
  });
  const session = res.cookies.find((c) => c.name === "lumen_session");
  if (!session) throw new Error(`could not sign in: ${res.body}`);
  return `lumen_session=${session.value}`;
};

const draft = (overrides: Record<string, unknown> = {}) => ({
  bot_id: s.botId,
  title: "Spring sale",
  segment: "everyone",
  content: {
    texts: { en: "<b>Hello</b>, {first_name}!", ru: "<b>Привет</b>, {first_name}!" },
    fallback_language: "en",
    buttons: [{ kind: "trial", label: { en: "Try it", ru: "Попробовать" } }],
  },
  ...overrides,
});

beforeAll(async () => {
  s = await createBotTestApp({ username: "news_api_bot", firstName: "News" }, { clock });
  cookie = await signIn("sender@example.com", "operator");
  reviewer = await signIn("reviewer@example.com", "reviewer");
  ann = s.tg.createUser({ firstName: "Ann", languageCode: "en" });
  boris = s.tg.createUser({ firstName: "Boris", languageCode: "ru" });
  cleo = s.tg.createUser({ firstName: "Cleo", languageCode: "de" });
  for (const user of [ann, boris, cleo]) await say(s.tg, s.bot, user, "/start");
  operatorTg = s.tg.createUser({ firstName: "Operator", languageCode: "en" });
  const me = (await call("GET", "/api/v1/auth/me")).body as { id: string };
  const link = await startOperatorTelegramLink(s.t.core, { type: "admin", id: me.id, role: "operator" });
  // The operator links their Telegram account the way the panel asks: /start op_<code> in the bot.
  await say(s.tg, s.bot, operatorTg, `/start op_${link.code}`);
});
afterAll(() => s.close());

describe("broadcasts API", () => {
  it("refuses a broadcast without its fallback text, naming the field, and a desk role", async () => {
    const bad = await call(
      "POST",
      "/api/v1/broadcasts",
      draft({ content: { texts: { ru: "Привет" }, fallback_language: "en", buttons: [] } }),
    );
    expect(bad.status).toBe(400);
    expect((bad.body.error as { field: string }).field).toBe("content.texts.en");
    const days = await call("POST", "/api/v1/broadcasts/audience", { bot_id: s.botId, segment: "inactive" });
    expect(days.status).toBe(400);
    expect((days.body.error as { field: string }).field).toBe("segment_params.days");
    expect((await call("GET", "/api/v1/broadcasts", undefined, reviewer)).status).toBe(403);
  });

  it("counts the audience live, previews in the operator's chat, sends in each language and reports", async () => {
    expect(
      (await call("POST", "/api/v1/broadcasts/audience", { bot_id: s.botId, segment: "everyone" })).body,
    ).toEqual({
      count: 4,
    });
    expect(
      (
        await call("POST", "/api/v1/broadcasts/audience", {
          bot_id: s.botId,
          segment: "language",
          segment_params: { language: "ru" },
        })
      ).body,
    ).toEqual({ count: 1 });
    const created = await call("POST", "/api/v1/broadcasts", draft());
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    const preview = await call("POST", `/api/v1/broadcasts/${id}/preview`, { language: "ru" });
    expect(preview.body).toEqual({ outcome: "sent" });
    const previewed = s.tg.chatHistory(operatorTg.id, { bot: s.bot }).at(-1);
    expect(previewed?.text).toBe("Привет, Preview!");

    await s.tg.blockBot(s.bot, cleo);
    const scheduled = await call("POST", `/api/v1/broadcasts/${id}/schedule`, {});
    expect(scheduled.body.status).toBe("scheduled");
    await runQueuedJobs(s.t.jobs.boss, jobs());
    const last = (user: User) => s.tg.chatHistory(user.id, { bot: s.bot }).at(-1);
    expect(last(ann)?.text).toBe("Hello, Ann!");
    expect(last(boris)?.text).toBe("Привет, Boris!");

    const after = s.tg.calls.length;
    const message = last(boris);
    const button = message?.reply_markup?.inline_keyboard[0]?.[0];
    expect(button?.text).toBe("Попробовать");
    const data = button && "callback_data" in button ? String(button.callback_data) : "";
    await s.tg.pressButton(s.bot, boris, message as never, data);
    await s.tg.waitForCall("sendMessage", (p) => p.chat_id === boris.id, { after, timeoutMs: 10_000 });

    const report = await call("GET", `/api/v1/broadcasts/${id}/report`);
    expect(report.body).toMatchObject({
      status: "done",
      targeted: 4,
      sent: 3,
      blocked: 1,
      clicks: 1,
      failed_by_reason: [{ reason: "Forbidden: bot was blocked by the user", count: 1 }],
      by_language: [
        { language: "en", sent: 2 },
        { language: "ru", sent: 1 },
      ],
    });
    // Cleo blocked the bot: the next audience leaves her out.
    expect(
      (await call("POST", "/api/v1/broadcasts/audience", { bot_id: s.botId, segment: "everyone" })).body,
    ).toEqual({
      count: 3,
    });
  });

  it("pauses the whole broadcast on Telegram's 429 and goes on after retry_after", async () => {
    const created = await call("POST", "/api/v1/broadcasts", draft({ title: "Flood" }));
    const id = created.body.id as string;
    s.tg.failNext(
      "sendMessage",
      { error_code: 429, description: "Too Many Requests: retry after 5", parameters: { retry_after: 5 } },
      { times: 1, bot: s.bot },
    );
    await call("POST", `/api/v1/broadcasts/${id}/schedule`, {});
    await runQueuedJobs(s.t.jobs.boss, jobs());
    const paused = await call("GET", `/api/v1/broadcasts/${id}`);
    expect(paused.body.paused_until).not.toBeNull();
    const mid = await call("GET", `/api/v1/broadcasts/${id}/report`);
    expect(mid.body.status).toBe("sending");
    expect(mid.body.pending).toBeGreaterThan(0);
    // The round queued for after retry_after, run by a worker once that time has come.
    clock.advance(5000);
    const [send] = jobs();
    expect(await send?.handler({ broadcastId: id, round: "after-429" })).toMatchObject({ outcome: "done" });
    const report = await call("GET", `/api/v1/broadcasts/${id}/report`);
    expect(report.body).toMatchObject({ status: "done", sent: 3, pending: 0 });
  });
  it("lists a bot's campaigns and switches one on, refusing one without its English text", async () => {
    const list = await call("GET", `/api/v1/bots/${s.botId}/campaigns`);
    expect(
      (list.body.items as Array<{ kind: string; enabled: boolean }>).map((c) => [c.kind, c.enabled]),
    ).toEqual([
      ["trial_ending", false],
      ["checkout_abandoned", false],
      ["winback", false],
      ["newcomer", false],
    ]);
    const bad = await call("PUT", `/api/v1/bots/${s.botId}/campaigns/newcomer`, {
      enabled: true,
      texts: { ru: "Привет" },
      delay: 24,
    });
    expect(bad.status).toBe(400);
    expect((bad.body.error as { field: string }).field).toBe("texts.en");
    const on = await call("PUT", `/api/v1/bots/${s.botId}/campaigns/newcomer`, {
      enabled: true,
      texts: { en: "Welcome, {first_name}", ru: "Добро пожаловать, {first_name}" },
      delay: 24,
    });
    expect(on.body).toMatchObject({ kind: "newcomer", enabled: true, delay: 24, sent: 0 });
  });
  it("sends a URL button through the counting redirect, which leads on to its address", async () => {
    const created = await call(
      "POST",
      "/api/v1/broadcasts",
      draft({
        title: "Link",
        segment: "language",
        segment_params: { language: "ru" },
        content: {
          texts: { en: "Read", ru: "Читайте" },
          fallback_language: "en",
          buttons: [{ kind: "url", label: { en: "Open", ru: "Открыть" }, url: "https://blog.example/post" }],
        },
      }),
    );
    const id = created.body.id as string;
    await call("POST", `/api/v1/broadcasts/${id}/schedule`, {});
    await runQueuedJobs(s.t.jobs.boss, jobs());
    const message = s.tg.chatHistory(boris.id, { bot: s.bot }).at(-1);
    const button = message?.reply_markup?.inline_keyboard[0]?.[0];
    const url = button && "url" in button ? String(button.url) : "";
    expect(url).toMatch(/^https:\/\/shop\.example\/r\/[0-9a-f-]{36}\/0$/);
    const path = new URL(url).pathname;
    for (let i = 0; i < 2; i++) {
      const res = await s.t.app.inject({ method: "GET", url: path });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe("https://blog.example/post");
    }
    expect((await s.t.app.inject({ method: "GET", url: `/r/${crypto.randomUUID()}/0` })).statusCode).toBe(
      404,
    );
    expect((await call("GET", `/api/v1/broadcasts/${id}/report`)).body).toMatchObject({ sent: 1, clicks: 1 });
  });
});
