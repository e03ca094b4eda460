import { randomBytes } from "node:crypto";
import {
  cliActor,
  createSecretBox,
  grantPlan,
  recordBotMembership,
  registerBot,
  upsertTelegramUser,
} from "@lumen/core";
import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import { createTelegramEmulator, type TelegramEmulator } from "@lumen/testkit";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBotApis } from "../src/bot/bot-apis.ts";
import { accessSweepJob } from "../src/jobs/access-sweep.ts";
import { createJobOutbox } from "../src/jobs/outbox.ts";

const DAY = 86_400_000;
let database: TestDatabase;
let tg: TelegramEmulator;

beforeAll(async () => {
  database = await createTestDatabase();
  tg = await createTelegramEmulator();
});
afterAll(async () => {
  await tg.close();
  await database.close();
});

describe("access sweeps in two workers at once", () => {
  it("remind, expire and remove each subscriber exactly once", async () => {
    let now = new Date("2026-03-01T12:00:00Z");
    const core = { db: database.db, clock: { now: () => now }, outbox: createJobOutbox() };
    const secretBox = createSecretBox(randomBytes(32));
    const handle = tg.createBot({ username: "sweep_bot", firstName: "Sweep" });
    const bot = await registerBot(core, cliActor, secretBox, {
      token: handle.token,
      me: { id: handle.id, username: handle.username, firstName: "Sweep" },
    });
    const chat = tg.createChat({ type: "supergroup", title: "Paid group" });
    await tg.addBotToChat(handle, chat, {
      status: "administrator",
      rights: { can_invite_users: true, can_restrict_members: true },
    });
    await recordBotMembership(core, {
      botId: bot.id,
      chat: { id: chat.id, title: "Paid group", type: "supergroup" },
      status: "administrator",
      canInviteUsers: true,
      canRestrictMembers: true,
      changedAt: now,
    });

    const people = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const user = tg.createUser({ firstName: `S${i}`, languageCode: "en" });
        tg.setMemberStatus(chat, user, "member");
        await tg.sendText(handle, user, "/start");
        const row = await upsertTelegramUser(core, { telegramId: user.id, firstName: user.first_name });
        await grantPlan(database.db, now, {
          userId: row.id,
          planCode: "group",
          title: "Group",
          periodDays: 7,
          messagesPerPeriod: null,
          botId: bot.id,
          channelIds: [chat.id],
        });
        return user;
      }),
    );
    const admin = people[0];
    if (!admin) throw new Error("no people");
    tg.setMemberStatus(chat, admin, "administrator");

    const worker = () =>
      accessSweepJob({
        core,
        botApis: createBotApis({ core, secretBox, apiRoot: tg.apiRoot }),
        logger: pino({ level: "silent" }),
        reminderDays: [3, 1],
        graceMs: 0,
      });
    const [a, b] = [worker(), worker()];
    const both = () => Promise.all([a.handler({}), b.handler({})]);

    now = new Date(now.getTime() + 4 * DAY + 1000);
    await both();
    now = new Date(now.getTime() + 2 * DAY);
    await both();
    now = new Date(now.getTime() + 2 * DAY);
    await both();
    await both();

    const sent = (user: { id: number }, prefix: string) =>
      tg.calls.filter(
        (c) =>
          c.method === "sendMessage" &&
          c.params.chat_id === user.id &&
          String(c.params.text).startsWith(prefix),
      ).length;
    for (const person of people) {
      expect(sent(person, "⏳")).toBe(2);
      expect(sent(person, "Your plan «Group» has ended")).toBe(1);
    }
    const bans = tg.calls.filter((c) => c.method === "banChatMember");
    expect(bans.map((c) => c.params.user_id).sort()).toEqual(
      people
        .slice(1)
        .map((p) => p.id)
        .sort(),
    );
    expect(tg.memberStatus(chat, admin)).toBe("administrator");
  });
});
