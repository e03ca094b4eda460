import { type BotHandle, createTelegramEmulator, type TelegramEmulator } from "@lumen/testkit";
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { say } from "../support/bot-journey.ts";
import { createLumenHome, type LumenProcess, runLumenCli, startLumen } from "../support/lumen-process.ts";

/**
 * A broadcast end to end, against the real server process and the Telegram emulator: compose over
 * the API, the preview in the operator's own chat, schedule for later, move the test clock, the
 * worker sends each recipient the text in their language, a button press is counted, the report
 * adds up. Then (PostgreSQL only, like the other kill tests) kill -9 mid-broadcast, restart: the
 * rest is sent and nobody gets it twice.
 */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const HOUR = 3_600_000;
let tg: TelegramEmulator;
let bot: BotHandle;
let home: Awaited<ReturnType<typeof createLumenHome>>;
let env: Record<string, string>;
let lumen: LumenProcess;
let cookie = "";
/** An owner API key: sessions end when the test clock jumps past their idle timeout, keys do not. */
let key = "";
let botId = "";
const email = "caster@example.com";
const password = "a long broadcast password";

async function api(
  method: string,
  path: string,
  body?: unknown,
  as: "key" | "session" = "key",
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the endpoint returns
): Promise<{ status: number; body: any }> {
  const auth: Record<string, string> = as === "key" ? { "x-auth-key": key } : { cookie, origin: lumen.url };
  const res = await fetch(`${lumen.url}${path}`, {
    method,
    headers: { ...auth, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
}

async function signIn(): Promise<void> {
  const login = await fetch(`${lumen.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  expect(login.status).toBe(200);
  cookie = login.headers.get("set-cookie")?.split(";")[0] ?? "";
}

/** The broadcast's messages a user received (its text starts with the marker). */
const received = (user: User, marker: string) =>
  tg.chatHistory(user.id, { bot }).filter((m) => (m.text ?? "").includes(marker));

const waitForStatus = (id: string, status: string) =>
  vi.waitFor(async () => expect((await api("GET", `/api/v1/broadcasts/${id}`)).body.status).toBe(status), {
    timeout: 120_000,
    interval: 300,
  });

beforeAll(async () => {
  tg = await createTelegramEmulator();
  bot = tg.createBot({ username: "cast_bot", firstName: "Cast" });
  home = await createLumenHome();
  env = { ...home.env, BOT_TOKEN: bot.token, TELEGRAM_API_ROOT: tg.apiRoot, LUMEN_TEST_CONTROLS: "true" };
  const created = await runLumenCli(
    env,
    ["admin", "create", "--email", email, "--password-stdin"],
    `${password}\n`,
  );
  expect(created.code, created.stderr).toBe(0);
  key = (
    await runLumenCli(env, ["api-key", "create", "--name", "cast", "--key-role", "owner"])
  ).stdout.trim();
  lumen = await startLumen(env);
  await tg.waitForPolling(bot, { timeoutMs: 60_000 });
  await signIn();
  botId = (await api("GET", "/api/v1/bots")).body.items[0].id;
}, 420_000);

afterAll(async () => {
  await lumen?.stop();
  await tg?.close();
  await home?.cleanup();
});

describe("a broadcast over the emulator", () => {
  it("previews, waits for its time, sends in each language, counts a click and reports", async () => {
    const operator = tg.createUser({ firstName: "Olga", languageCode: "en" });
    const link = await api("POST", "/api/v1/auth/telegram-link", undefined, "session");
    await say(tg, bot, operator, `/start op_${link.body.code}`);
    const ann = tg.createUser({ firstName: "Ann", languageCode: "en" });
    const boris = tg.createUser({ firstName: "Boris", languageCode: "ru" });
    const vera = tg.createUser({ firstName: "Vera", languageCode: "de" });
    for (const user of [ann, boris, vera]) await say(tg, bot, user, "/start");

    const created = await api("POST", "/api/v1/broadcasts", {
      bot_id: botId,
      title: "Launch",
      segment: "everyone",
      content: {
        texts: { en: "🚀 Launch day, {first_name}!", ru: "🚀 Запуск, {first_name}!" },
        fallback_language: "en",
        buttons: [{ kind: "trial", label: { en: "Try free", ru: "Попробовать" } }],
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    expect(
      (await api("POST", `/api/v1/broadcasts/${id}/preview`, { language: "ru" }, "session")).body,
    ).toEqual({
      outcome: "sent",
    });
    expect(received(operator, "Запуск").map((m) => m.text)).toEqual(["🚀 Запуск, Preview!"]);

    const now = new Date((await api("POST", "/api/v1/test/clock", { advance_ms: 0 })).body.now).getTime();
    const at = new Date(now + HOUR).toISOString();
    expect((await api("POST", `/api/v1/broadcasts/${id}/schedule`, { at })).body.status).toBe("scheduled");
    expect((await api("POST", "/api/v1/test/jobs/broadcasts.sweep/run")).body).toEqual({ queued: 0 });
    await api("POST", "/api/v1/test/clock", { advance_ms: HOUR + 60_000 });
    expect((await api("POST", "/api/v1/test/jobs/broadcasts.sweep/run")).body).toEqual({ queued: 1 });
    await waitForStatus(id, "done");

    expect(received(ann, "Launch").map((m) => m.text)).toEqual(["🚀 Launch day, Ann!"]);
    expect(received(boris, "Запуск").map((m) => m.text)).toEqual(["🚀 Запуск, Boris!"]);
    expect(received(vera, "Launch").map((m) => m.text)).toEqual(["🚀 Launch day, Vera!"]);
    expect(received(operator, "Launch")).toHaveLength(1);

    const message = received(boris, "Запуск")[0];
    const button = message?.reply_markup?.inline_keyboard[0]?.[0];
    expect(button?.text).toBe("Попробовать");
    const after = tg.calls.length;
    await tg.pressButton(
      bot,
      boris,
      message as never,
      button && "callback_data" in button ? String(button.callback_data) : "",
    );
    await tg.waitForCall("sendMessage", (p) => p.chat_id === boris.id, { after, timeoutMs: 20_000 });

    const report = (await api("GET", `/api/v1/broadcasts/${id}/report`)).body;
    expect(report).toMatchObject({
      status: "done",
      targeted: 4,
      sent: 4,
      failed: 0,
      blocked: 0,
      clicks: 1,
      clickers: 1,
      by_language: [
        { language: "en", sent: 3 },
        { language: "ru", sent: 1 },
      ],
    });
  }, 300_000);

  it.skipIf(!onPostgres)(
    "killed mid-broadcast, restarted: the rest is sent and nobody gets it twice",
    async () => {
      const people = Array.from({ length: 24 }, (_, i) =>
        tg.createUser({ firstName: `P${i}`, languageCode: "en" }),
      );
      for (const user of people) await say(tg, bot, user, "/start");
      const created = await api("POST", "/api/v1/broadcasts", {
        bot_id: botId,
        title: "Slow",
        segment: "everyone",
        rate_per_second: 3,
        content: { texts: { en: "🐢 Slow news for {first_name}" }, fallback_language: "en", buttons: [] },
      });
      const id = created.body.id as string;
      await api("POST", `/api/v1/broadcasts/${id}/schedule`, {});
      /** Every "Slow news" Telegram accepted, per chat (the earlier test's users are recipients too). */
      const deliveries = () => {
        const perChat = new Map<unknown, number>();
        for (const c of tg.calls)
          if (c.method === "sendMessage" && c.response.ok && String(c.params.text).includes("Slow news"))
            perChat.set(c.params.chat_id, (perChat.get(c.params.chat_id) ?? 0) + 1);
        return perChat;
      };
      const count = () => [...deliveries().values()].reduce((a, b) => a + b, 0);
      await vi.waitFor(() => expect(count()).toBeGreaterThanOrEqual(4), { timeout: 60_000, interval: 50 });
      expect(await lumen.stop("SIGKILL")).toBeNull();
      const beforeRestart = count();
      expect(beforeRestart).toBeLessThan(28);

      lumen = await startLumen(env);
      // A dead worker's claims and its silent broadcast are picked up once they are stale. The
      // restarted process's test clock starts from real time again, behind the hour the first
      // test moved the old one: move it past that too.
      await api("POST", "/api/v1/test/clock", { advance_ms: HOUR + 180_000 });
      await vi.waitFor(
        async () =>
          expect((await api("POST", "/api/v1/test/jobs/broadcasts.sweep/run")).body.queued).toBeGreaterThan(
            0,
          ),
        { timeout: 30_000, interval: 500 },
      );
      await waitForStatus(id, "done");

      expect([...deliveries().values()].every((n) => n === 1)).toBe(true);
      const report = (await api("GET", `/api/v1/broadcasts/${id}/report`)).body;
      expect(report.pending).toBe(0);
      expect(report.sent + report.interrupted).toBe(report.targeted);
      // Every message Telegram got is one the report counts as sent, or one a dead worker had on its way.
      expect(count()).toBeGreaterThanOrEqual(report.sent);
      expect(count()).toBeLessThanOrEqual(report.sent + report.interrupted);
    },
    420_000,
  );
});
