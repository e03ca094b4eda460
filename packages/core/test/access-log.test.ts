import { randomBytes } from "node:crypto";
import { accessLogs } from "@lumen/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cliActor,
  createSecretBox,
  extendPlan,
  getChannel,
  listAccessLog,
  recordAccessEvent,
  recordBotMembership,
  recordChatInvite,
  registerBot,
  upsertTelegramUser,
} from "../src/index.ts";
import { createTestCore } from "./support.ts";

const DAY = 86_400_000;
let t: Awaited<ReturnType<typeof createTestCore>>;
let botId: string;
let telegramId = 5000;
const chatId = -100_777;
const otherChatId = -100_888;

beforeAll(async () => {
  t = await createTestCore();
  const bot = await registerBot(t.core, cliActor, createSecretBox(randomBytes(32)), {
    token: `77:${"A".repeat(35)}`,
    me: { id: 77, username: "door_bot", firstName: "Door" },
  });
  botId = bot.id;
});
afterAll(() => t.database.close());

const person = async (firstName: string) =>
  upsertTelegramUser(t.core, { telegramId: telegramId++, firstName, username: firstName.toLowerCase() });

const plan = (userId: string, chats = [chatId], days = 30) =>
  extendPlan(t.core.db, t.clock.now(), {
    grantKey: `test:${userId}:${chats.join("-")}:${days}`,
    userId,
    planCode: `vip-${chats.join("-")}`,
    title: "VIP",
    periodDays: days,
    messagesPerPeriod: null,
    botId,
    channelIds: chats,
  });

const invite = (subscription: { id: string; userId: string }, link: string, chat = chatId) =>
  recordChatInvite(t.core, {
    subscriptionId: subscription.id,
    userId: subscription.userId,
    botId,
    chatId: chat,
    inviteLink: link,
    createsJoinRequest: false,
    expiresAt: new Date(t.clock.now().getTime() + DAY),
  });

const kindsFor = async (userId: string) =>
  (await listAccessLog(t.core, { chatId, userId, limit: 100 })).items.map((e) => e.kind);

describe("the access log", () => {
  it("records an issued link with the plan it belongs to", async () => {
    const ann = await person("Ann");
    const sub = await plan(ann.id);
    await invite(sub, "https://t.me/+ann1");
    const { items } = await listAccessLog(t.core, { chatId, userId: ann.id, limit: 10 });
    expect(items).toEqual([
      expect.objectContaining({
        kind: "invite_issued",
        botId,
        subscriptionId: sub.id,
        inviteLink: "https://t.me/+ann1",
        user: { telegramId: ann.telegramId, firstName: "Ann", username: "ann" },
      }),
    ]);
  });

  it("records a join by one's own link once, however often Telegram repeats the update", async () => {
    const ben = await person("Ben");
    const sub = await plan(ben.id);
    await invite(sub, "https://t.me/+ben1");
    const seen = {
      kind: "member_joined" as const,
      botId,
      chatId,
      telegramUserId: ben.telegramId,
      inviteLink: "https://t.me/+ben1",
      at: new Date("2026-01-15T10:00:05Z"),
    };
    expect(await recordAccessEvent(t.core, seen)).toBe(1);
    expect(await recordAccessEvent(t.core, seen)).toBe(0);
    const joined = (
      await listAccessLog(t.core, { chatId, userId: ben.id, kinds: ["member_joined"], limit: 10 })
    ).items;
    expect(joined).toHaveLength(1);
    expect(joined[0]).toMatchObject({ subscriptionId: sub.id, data: { linkOwnerUserId: ben.id } });
  });

  it("records a stranger removed, and whose link they used", async () => {
    const cat = await person("Cat");
    const sub = await plan(cat.id);
    await invite(sub, "https://t.me/+cat1");
    await recordAccessEvent(t.core, {
      kind: "stranger_removed",
      botId,
      chatId,
      telegramUserId: 99_999_001,
      inviteLink: "https://t.me/+cat1",
      at: new Date(),
    });
    const { items } = await listAccessLog(t.core, { chatId, kinds: ["stranger_removed"], limit: 10 });
    expect(items).toEqual([
      expect.objectContaining({
        telegramUserId: 99_999_001,
        userId: null,
        user: null,
        data: { linkOwnerUserId: cat.id },
      }),
    ]);
  });

  it("keeps one decision per join request", async () => {
    const dan = await person("Dan");
    const at = new Date("2026-01-15T11:00:00Z");
    const request = { botId, chatId, telegramUserId: dan.telegramId, at };
    await recordAccessEvent(t.core, { kind: "join_request_declined", ...request });
    await recordAccessEvent(t.core, { kind: "join_request_approved", ...request });
    expect(await kindsFor(dan.id)).toEqual(["join_request_declined"]);
    await recordAccessEvent(t.core, {
      kind: "join_request_approved",
      ...request,
      at: new Date(at.getTime() + 1000),
    });
    expect(await kindsFor(dan.id)).toEqual(["join_request_approved", "join_request_declined"]);
  });

  it("records a reminder and the end of access once per chat of the plan", async () => {
    const eve = await person("Eve");
    const sub = await plan(eve.id, [chatId, otherChatId]);
    expect(await recordAccessEvent(t.core, { kind: "reminder_sent", subscription: sub, daysBefore: 3 })).toBe(
      2,
    );
    expect(await recordAccessEvent(t.core, { kind: "reminder_sent", subscription: sub, daysBefore: 3 })).toBe(
      0,
    );
    const ended = { kind: "access_ended" as const, subscription: sub, removedChatIds: [chatId] };
    expect(await recordAccessEvent(t.core, ended)).toBe(2);
    // A retried sweep finds the person gone already; the first record stands.
    expect(await recordAccessEvent(t.core, { ...ended, removedChatIds: [] })).toBe(0);
    expect(await kindsFor(eve.id)).toEqual(["member_removed", "reminder_sent"]);
    const other = await listAccessLog(t.core, { chatId: otherChatId, userId: eve.id, limit: 10 });
    expect(other.items.map((e) => e.kind)).toEqual(["access_expired", "reminder_sent"]);
  });

  it("pages newest first without gaps or repeats, and filters by date", async () => {
    const fay = await person("Fay");
    const sub = await plan(fay.id);
    const start = t.clock.now();
    for (let i = 0; i < 7; i++) {
      await recordAccessEvent(t.core, { kind: "reminder_sent", subscription: sub, daysBefore: i });
      t.clock.advance(i % 2 ? 0 : 60_000);
    }
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAccessLog(t.core, {
        chatId,
        userId: fay.id,
        limit: 3,
        ...(cursor ? { cursor } : {}),
      });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((e) => e.data.daysBefore as number));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0]);
    const window = await listAccessLog(t.core, {
      chatId,
      userId: fay.id,
      from: new Date(start.getTime() + 60_000),
      to: new Date(start.getTime() + 120_000),
      limit: 10,
    });
    expect(window.items.map((e) => e.data.daysBefore)).toEqual([2, 1]);
    const all = await t.core.db.select().from(accessLogs);
    expect(new Set(all.map((r) => r.eventKey)).size).toBe(all.length);
  });
});

describe("a channel's detail", () => {
  it("shows missing rights and who has access now, with where each stands", async () => {
    const channel = await recordBotMembership(t.core, {
      botId,
      chat: { id: chatId, title: "VIP", type: "channel" },
      status: "administrator",
      canInviteUsers: true,
      canRestrictMembers: false,
      changedAt: new Date(),
    });
    const gus = await person("Gus");
    const hal = await person("Hal");
    const ivy = await person("Ivy");
    const jon = await person("Jon");
    const gusPlan = await plan(gus.id, [chatId], 5);
    await invite(gusPlan, "https://t.me/+gus1");
    await recordAccessEvent(t.core, {
      kind: "member_joined",
      botId,
      chatId,
      telegramUserId: gus.telegramId,
      inviteLink: "https://t.me/+gus1",
      at: new Date(),
    });
    await invite(await plan(hal.id, [chatId], 6), "https://t.me/+hal1");
    await plan(ivy.id, [otherChatId], 7);
    const jonPlan = await plan(jon.id, [chatId], 8);

    const detail = await getChannel(t.core, { channelId: channel.id, graceMs: 0 });
    expect(detail.missingRights).toEqual(["can_restrict_members"]);
    const byName = Object.fromEntries(detail.access.holders.map((h) => [h.user.firstName, h]));
    expect(byName.Gus).toMatchObject({ joinState: "joined", subscription: { id: gusPlan.id } });
    expect(byName.Hal).toMatchObject({ joinState: "invited", invite: { inviteLink: "https://t.me/+hal1" } });
    expect(byName.Jon).toMatchObject({
      joinState: "not_invited",
      invite: null,
      subscription: { id: jonPlan.id },
    });
    expect(byName.Ivy).toBeUndefined();
    expect(detail.access.total).toBe(detail.access.holders.length);

    t.clock.advance(DAY + 1);
    const later = await getChannel(t.core, { channelId: channel.id, graceMs: 0 });
    expect(later.access.holders.find((h) => h.user.firstName === "Hal")?.joinState).toBe("invite_expired");
    t.clock.advance(40 * DAY);
    expect((await getChannel(t.core, { channelId: channel.id, graceMs: 0 })).access).toEqual({
      holders: [],
      total: 0,
    });
  });

  it("answers NOT_FOUND for an unknown channel", async () => {
    await expect(
      getChannel(t.core, { channelId: "00000000-0000-4000-8000-000000000000", graceMs: 0 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
