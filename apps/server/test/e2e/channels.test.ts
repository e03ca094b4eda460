import type { BotHandle, TelegramEmulator } from "@lumen/testkit";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type BotSuite, startBotSuite } from "../support/bot-suite.ts";
import { callApi, type LumenProcess } from "../support/lumen-process.ts";
import { wait } from "../support/wait.ts";

let tg: TelegramEmulator;
let bot: BotHandle;
let lumen: LumenProcess;
let key: string;

let suite: BotSuite;
beforeAll(async () => {
  suite = await startBotSuite({ username: "access_bot", firstName: "Access" });
  ({ tg, bot, lumen, key } = suite);
});

afterAll(() => suite?.stop());

const api = (path: string, method = "GET", body?: unknown) => callApi(lumen, key, method, path, body);

describe("channels and groups", () => {
  it("records chats the bot is added to, with the rights it still lacks", async () => {
    const vip = tg.createChat({ type: "channel", title: "VIP signals" });
    const club = tg.createChat({ type: "supergroup", title: "Club" });
    await tg.addBotToChat(bot, vip, {
      status: "administrator",
      rights: { can_invite_users: true, can_restrict_members: true },
    });
    await tg.addBotToChat(bot, club, { status: "member" });
    await tg.waitUntilHandled(bot);
    await vi.waitFor(async () => expect((await api("/api/v1/channels")).body.items).toHaveLength(2), wait);
    const { body } = await api("/api/v1/channels");
    expect(body.items).toEqual([
      expect.objectContaining({
        title: "Club",
        chat_id: club.id,
        type: "supergroup",
        bot_status: "member",
        missing_rights: ["administrator", "can_invite_users", "can_restrict_members"],
      }),
      expect.objectContaining({
        title: "VIP signals",
        chat_id: vip.id,
        type: "channel",
        bot_status: "administrator",
        missing_rights: [],
      }),
    ]);
  });

  it("lets an admin switch a chat to join requests", async () => {
    const club = (await api("/api/v1/channels")).body.items.find(
      (c: { title: string }) => c.title === "Club",
    );
    expect(club.join_mode).toBe("invite_link");
    const updated = await api(`/api/v1/channels/${club.id}`, "PATCH", { join_mode: "join_request" });
    expect(updated.body).toMatchObject({ id: club.id, join_mode: "join_request" });
  });

  it("links plan products to known chats only", async () => {
    const known = (await api("/api/v1/channels")).body.items.map((c: { chat_id: number }) => c.chat_id);
    const plan = (channelIds: number[]) => ({
      title: "VIP month",
      details: { kind: "plan", plan_code: "vip", period_days: 30, channel_ids: channelIds },
      prices: [{ currency: "XTR", amount: 500 }],
    });
    const unknown = await api("/api/v1/products", "POST", plan([-100999]));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: "VALIDATION_FAILED", field: "details.channel_ids" });
    const created = await api("/api/v1/products", "POST", plan(known));
    expect(created.status).toBe(201);
    expect(created.body.details.channel_ids).toEqual(known);
  });
});
