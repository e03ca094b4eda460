import { randomBytes } from "node:crypto";
import {
  type CoreContext,
  cliActor,
  createSecretBox,
  extendPlan,
  recordBotMembership,
  registerBot,
  upsertTelegramUser,
} from "@lumen/core";
import { subscriptions } from "@lumen/db";
import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import { createTelegramEmulator, type TelegramEmulator } from "@lumen/testkit";
import { eq } from "drizzle-orm";
import type { Chat, User } from "grammy/types";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBotApis } from "../src/bot/bot-apis.ts";
import { createMetrics } from "../src/http/metrics.ts";
import { accessEndedNoticeJob, accessReminderJob } from "../src/jobs/access-notices.ts";
import { accessSweepJob } from "../src/jobs/access-sweep.ts";
import { type JobRunner, startJobRunner } from "../src/jobs/job-runner.ts";
import { createJobOutbox } from "../src/jobs/outbox.ts";
import { createSecretRegistry } from "../src/log/secret-registry.ts";
import { makeRetriesDue, runQueuedJobs } from "./support/queued-jobs.ts";

const DAY = 86_400_000;
let database: TestDatabase;
let tg: TelegramEmulator;
let runner: JobRunner;
const outbox = createJobOutbox();
/** One key for every bot here: a message queued by one test may be sent by the next one's drain. */
const secretBox = createSecretBox(randomBytes(32));
let botCount = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  tg = await createTelegramEmulator();
  // The sweep queues the member's messages on pg-boss; the tests run them with runQueuedJobs.
  runner = await startJobRunner({
    database,
    logger: pino({ level: "silent" }),
    metrics: createMetrics(),
    jobs: [],
    work: false,
    outbox,
  });
});
afterAll(async () => {
  await runner.stop();
  await tg.close();
  await database.close();
});

/** A bot administering one paid group, a movable clock, and workers running the sweep. */
async function paidGroup() {
  let now = new Date("2026-03-01T12:00:00Z");
  const core: CoreContext = { db: database.db, clock: { now: () => now }, outbox };
  const handle = tg.createBot({ username: `sweep_${++botCount}_bot`, firstName: "Sweep" });
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
  const botApis = createBotApis({ core, secretBox, secrets: createSecretRegistry(), apiRoot: tg.apiRoot });
  const worker = () =>
    accessSweepJob({ core, botApis, logger: pino({ level: "silent" }), reminderDays: [3, 1], graceMs: 0 });
  const notices = [accessReminderJob({ core, botApis }), accessEndedNoticeJob({ core, botApis })];
  /** Sends the messages the sweeps queued, as the worker processes would. */
  const sendQueued = () => runQueuedJobs(runner.boss, notices);
  /** A member of the group holding a plan for it. */
  const subscriber = async (plans: Array<{ code: string; days: number }>) => {
    const user = tg.createUser({ firstName: "S", languageCode: "en" });
    tg.setMemberStatus(chat, user, "member");
    await tg.sendText(handle, user, "/start");
    const row = await upsertTelegramUser(core, { telegramId: user.id, firstName: user.first_name });
    const granted = [];
    for (const plan of plans) {
      granted.push(
        await extendPlan(database.db, now, {
          userId: row.id,
          planCode: plan.code,
          title: plan.code,
          periodDays: plan.days,
          messagesPerPeriod: null,
          botId: bot.id,
          channelIds: [chat.id],
          grantKey: `test:${row.id}:${plan.code}`,
        }),
      );
    }
    return { user, plans: granted };
  };
  return {
    handle,
    chat,
    worker,
    sendQueued,
    subscriber,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

const bansOf = (chat: Chat, user: User) =>
  tg.calls.filter(
    (c) => c.method === "banChatMember" && c.params.chat_id === chat.id && c.params.user_id === user.id,
  );
const revokedAt = async (id: string) =>
  (await database.db.select().from(subscriptions).where(eq(subscriptions.id, id)))[0]?.accessRevokedAt;

describe("access sweeps in two workers at once", () => {
  it("remind, expire and remove each subscriber exactly once", async () => {
    const { chat, worker, sendQueued, subscriber, advance } = await paidGroup();
    const people = await Promise.all(
      Array.from({ length: 8 }, async () => (await subscriber([{ code: "group", days: 7 }])).user),
    );
    const admin = people[0];
    if (!admin) throw new Error("no people");
    tg.setMemberStatus(chat, admin, "administrator");

    const [a, b] = [worker(), worker()];
    const both = async () => {
      await Promise.all([a.handler({}), b.handler({})]);
      await sendQueued();
    };

    advance(4 * DAY + 1000);
    await both();
    advance(2 * DAY);
    await both();
    advance(2 * DAY);
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
      expect(sent(person, "Your plan «group» has ended")).toBe(1);
    }
    const bans = tg.calls.filter((c) => c.method === "banChatMember" && c.params.chat_id === chat.id);
    expect(bans.map((c) => c.params.user_id).sort()).toEqual(
      people
        .slice(1)
        .map((p) => p.id)
        .sort(),
    );
    expect(tg.memberStatus(chat, admin)).toBe("administrator");
  });
});

describe("removal from a chat", () => {
  it("keeps someone whose other live plan still covers the chat, and removes them when that ends", async () => {
    const { chat, worker, subscriber, advance } = await paidGroup();
    const { user, plans } = await subscriber([
      { code: "week", days: 7 },
      { code: "month", days: 30 },
    ]);
    const [week, month] = plans;
    if (!week || !month) throw new Error("no plans");
    advance(8 * DAY);
    expect(await worker().handler({})).toMatchObject({ expired: 1, removed: 1, failed: 0 });
    expect(await revokedAt(week.id)).not.toBeNull();
    expect(bansOf(chat, user)).toHaveLength(0);
    expect(tg.memberStatus(chat, user)).toBe("member");

    advance(23 * DAY);
    expect(await worker().handler({})).toMatchObject({ expired: 1, removed: 1 });
    expect(bansOf(chat, user)).toHaveLength(1);
    expect(tg.memberStatus(chat, user)).toBe("left");
  });

  it("takes a Telegram error for what it is: nothing is marked done, the next sweep removes", async () => {
    const { chat, handle, worker, sendQueued, subscriber, advance } = await paidGroup();
    const { user, plans } = await subscriber([{ code: "week", days: 7 }]);
    const plan = plans[0];
    if (!plan) throw new Error("no plan");
    advance(8 * DAY);
    // A wait longer than the client waits by itself, so the sweep sees the error.
    const tooManyRequests = {
      error_code: 429,
      description: "Too Many Requests: retry after 120",
      parameters: { retry_after: 120 },
    };
    tg.failNext(
      "getChatMember",
      {
        error_code: 429,
        description: "Too Many Requests: retry after 120",
        parameters: { retry_after: 120 },
      },
      { bot: handle },
    );
    expect(await worker().handler({})).toMatchObject({ removed: 0, failed: 1 });
    expect(await revokedAt(plan.id)).toBeNull();
    expect(tg.memberStatus(chat, user)).toBe("member");

    // The same on the removal itself.
    tg.failNext("banChatMember", tooManyRequests, { bot: handle });
    expect(await worker().handler({})).toMatchObject({ removed: 0, failed: 1 });
    expect(await revokedAt(plan.id)).toBeNull();
    expect(tg.memberStatus(chat, user)).toBe("member");

    expect(await worker().handler({})).toMatchObject({ removed: 1, failed: 0 });
    expect(await revokedAt(plan.id)).not.toBeNull();
    expect(tg.memberStatus(chat, user)).toBe("left");
    await sendQueued();
    await sendQueued();
    expect(
      tg.calls.filter(
        (c) =>
          c.method === "sendMessage" &&
          c.params.chat_id === user.id &&
          String(c.params.text).startsWith("Your plan «week» has ended"),
      ),
    ).toHaveLength(1);
  });

  it("queues the ended notice with the revocation: a failed send is retried, and sent once", async () => {
    const { handle, worker, sendQueued, subscriber, advance } = await paidGroup();
    const { user, plans } = await subscriber([{ code: "fortnight", days: 14 }]);
    const plan = plans[0];
    if (!plan) throw new Error("no plan");
    advance(15 * DAY);
    expect(await worker().handler({})).toMatchObject({ removed: 1, failed: 0 });
    // Revoked, and the message waits in the queue: whatever happens to this process now, it is sent.
    expect(await revokedAt(plan.id)).not.toBeNull();
    const told = () =>
      tg.calls.filter(
        (c) =>
          c.method === "sendMessage" &&
          c.response.ok &&
          c.params.chat_id === user.id &&
          String(c.params.text).startsWith("Your plan «fortnight» has ended"),
      ).length;
    expect(told()).toBe(0);
    // A wait longer than the client waits by itself, so the job sees the error and fails.
    tg.failNext(
      "sendMessage",
      {
        error_code: 429,
        description: "Too Many Requests: retry after 120",
        parameters: { retry_after: 120 },
      },
      { bot: handle },
    );
    await sendQueued();
    expect(told()).toBe(0);
    // Another sweep queues nothing new; the failed job is retried by the queue.
    expect(await worker().handler({})).toMatchObject({ removed: 0 });
    expect(await makeRetriesDue(runner.boss, "access.send-ended-notice")).toBe(1);
    await sendQueued();
    await sendQueued();
    expect(told()).toBe(1);
  });
});
