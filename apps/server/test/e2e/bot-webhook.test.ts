import { type BotHandle, createTelegramEmulator, type TelegramEmulator } from "@lumen/testkit";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { say, textOf } from "../support/bot-journey.ts";
import { createLumenHome, findFreePort, type LumenProcess, startLumen } from "../support/lumen-process.ts";
import { wait } from "../support/wait.ts";

let tg: TelegramEmulator;
let bot: BotHandle;
let home: Awaited<ReturnType<typeof createLumenHome>>;
let lumen: LumenProcess;
let webhook: { url: string; secret: string };

beforeAll(async () => {
  tg = await createTelegramEmulator();
  bot = tg.createBot({ username: "lumen_hook_bot", firstName: "Hook" });
  home = await createLumenHome();
  const port = await findFreePort();
  lumen = await startLumen({
    ...home.env,
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    BOT_TOKEN: bot.token,
    TELEGRAM_API_ROOT: tg.apiRoot,
  });
  const call = await tg.waitForCall("setWebhook");
  webhook = { url: String(call.params.url), secret: String(call.params.secret_token) };
});
afterAll(async () => {
  await lumen?.stop();
  await tg?.close();
  await home?.cleanup();
});

const post = (headers: Record<string, string>) =>
  fetch(webhook.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({
      update_id: 999,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 5, type: "private", first_name: "X" },
        from: { id: 5, is_bot: false, first_name: "X" },
        text: "/start",
      },
    }),
  });

describe("a bot on webhooks", () => {
  it("registers its webhook under the bot id, with a secret and every update type it needs", async () => {
    expect(webhook.url).toMatch(/\/telegram\/[0-9a-f-]{36}$/);
    expect(webhook.url).not.toContain(bot.token);
    expect(webhook.secret.length).toBeGreaterThanOrEqual(32);
    const call = await tg.waitForCall("setWebhook");
    expect(call.params.allowed_updates).toEqual(
      expect.arrayContaining(["chat_member", "chat_join_request", "pre_checkout_query"]),
    );
  });

  it("rejects a call with a wrong or missing secret token", async () => {
    const wrong = await post({ "x-telegram-bot-api-secret-token": "not-the-secret" });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe("UNAUTHENTICATED");
    expect((await post({})).status).toBe(401);
    expect(tg.calls.some((c) => c.method === "sendMessage" && c.params.chat_id === 5)).toBe(false);
  });

  it("handles updates Telegram delivers with the right secret", async () => {
    const ivy = tg.createUser({ firstName: "Ivy", languageCode: "ru" });
    const reply = await say(tg, bot, ivy, "/start");
    expect(textOf(reply)).toContain("Привет, Ivy!");
    await vi.waitFor(() => expect(tg.webhookDeliveries.at(-1)).toMatchObject({ status: 200 }), wait);
  });

  it("rejects a malformed update with 400 instead of failing", async () => {
    const res = await fetch(webhook.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": webhook.secret },
      body: JSON.stringify({ hello: "world" }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toBe("body.update_id");
  });

  it("stops HTTP first, then the bots, the jobs and the database", async () => {
    expect(await lumen.stop("SIGTERM")).toBe(0);
    const order = lumen.logs
      .map((l) => l.msg)
      .filter((m) => ["http closed", "bots stopped", "jobs stopped", "database closed"].includes(m));
    expect(order).toEqual(["http closed", "bots stopped", "jobs stopped", "database closed"]);
    await expect(fetch(webhook.url, { method: "POST" })).rejects.toThrow();
  });
});
