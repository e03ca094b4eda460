import { registerBot, systemActor } from "@lumen/core";
import { bots } from "@lumen/db";
import { createTelegramEmulator, type TelegramEmulator } from "@lumen/testkit";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./support/test-app.ts";

let tg: TelegramEmulator;
let t: TestApp;
let botId: string;
let secret: string;

beforeAll(async () => {
  tg = await createTelegramEmulator();
  t = await createTestApp({ apiRoot: tg.apiRoot, webhookUrl: "https://lumen.example" });
  // Another API process registered this bot: this one only knows it from the database.
  const handle = tg.createBot({ username: "hooked_bot", firstName: "Hooked" });
  const saved = await registerBot(t.core, systemActor, t.secretBox, {
    token: handle.token,
    me: { id: handle.id, username: handle.username, firstName: "Hooked" },
  });
  botId = saved.id;
  const [row] = await t.database.db.select().from(bots).where(eq(bots.id, botId));
  secret = row?.webhookSecret ?? "";
});
afterAll(async () => {
  await t?.close();
  await tg?.close();
});

const update = {
  update_id: 1,
  message: {
    message_id: 1,
    date: 0,
    chat: { id: 77, type: "private", first_name: "X" },
    from: { id: 77, is_bot: false, first_name: "X" },
    text: "/start",
  },
};

const post = (id: string, headers: Record<string, string>) =>
  t.app.inject({ method: "POST", url: `/telegram/${id}`, headers, payload: update });

describe("webhook calls are authenticated before a bot is loaded", () => {
  it("refuses a wrong or missing secret without launching the bot", async () => {
    expect((await post(botId, { "x-telegram-bot-api-secret-token": "forged" })).statusCode).toBe(401);
    expect((await post(botId, {})).statusCode).toBe(401);
    // Launching would have asked Telegram who the bot is and set its webhook.
    expect(tg.calls.filter((c) => c.method === "getMe" || c.method === "setWebhook")).toEqual([]);
    expect(t.bots.runningBots()).toEqual([]);
  });

  it("answers 404 for a bot id nobody registered", async () => {
    const res = await post("00000000-0000-4000-8000-000000000000", {
      "x-telegram-bot-api-secret-token": secret,
    });
    expect(res.statusCode).toBe(404);
  });

  it("loads the bot on its first update with the right secret", async () => {
    const res = await post(botId, { "x-telegram-bot-api-secret-token": secret });
    expect(res.statusCode).toBe(200);
    expect(t.bots.runningBots()).toEqual([botId]);
    expect(tg.calls.some((c) => c.method === "setWebhook")).toBe(true);
  });
});
