import { randomBytes } from "node:crypto";
import {
  assistantTrials,
  botBlocks,
  broadcastDeliveries,
  courseEnrollments,
  events,
  orders,
  products,
  subscriptions,
  users,
} from "@lumen/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BroadcastMessage,
  type BroadcastSender,
  cancelBroadcast,
  cliActor,
  countAudience,
  createBroadcast,
  createBroadcastList,
  createSecretBox,
  getBroadcast,
  getBroadcastReport,
  pauseBroadcast,
  readSources,
  recordBroadcastClick,
  registerBot,
  resumeBroadcast,
  runBroadcast,
  type SendOutcome,
  scheduleBroadcast,
  setUserBlocked,
  upsertTelegramUser,
} from "../src/index.ts";
import { createTestCore } from "./support.ts";

const DAY = 86_400_000;
let t: Awaited<ReturnType<typeof createTestCore>>;
let botId: string;
let otherBotId: string;
let nextTelegramId = 70_000;
const noWait = async () => {};

const person = async (firstName: string, options: { language?: string; bot?: string } = {}) =>
  upsertTelegramUser(t.core, {
    telegramId: nextTelegramId++,
    firstName,
    languageCode: options.language ?? "en",
    botId: options.bot ?? botId,
  });

/** A Telegram stand-in: records every message, answers from a script (403 for some chats, a 429 once). */
function scriptedSender(script: (message: BroadcastMessage) => SendOutcome | undefined = () => undefined) {
  const sent: BroadcastMessage[] = [];
  let id = 1;
  const sender: BroadcastSender = {
    async send(_botId, message) {
      const scripted = script(message);
      if (scripted) return scripted;
      sent.push(message);
      return { kind: "sent", messageId: id++ };
    },
  };
  return { sender, sent };
}

const content = {
  texts: { en: "Hi {first_name}!", ru: "Привет, {first_name}!" },
  fallbackLanguage: "en" as const,
  buttons: [{ kind: "trial" as const, label: { en: "Try", ru: "Попробовать" } }],
};

async function newBroadcast(segment: Parameters<typeof createBroadcast>[2]["segment"], extra = {}) {
  return createBroadcast(t.core, cliActor, {
    botId,
    title: "Test",
    segment,
    content,
    ratePerSecond: 1000,
    allowPaidBroadcast: true,
    ...extra,
  });
}

/** The segment fixture: who is in which segment is known by construction. */
const fixture: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestCore();
  const box = createSecretBox(randomBytes(32));
  botId = (
    await registerBot(t.core, cliActor, box, {
      token: `88:${"B".repeat(35)}`,
      me: { id: 88, username: "news_bot", firstName: "News" },
    })
  ).id;
  otherBotId = (
    await registerBot(t.core, cliActor, box, {
      token: `89:${"C".repeat(35)}`,
      me: { id: 89, username: "other_bot", firstName: "Other" },
    })
  ).id;
  const [product] = await t.core.db
    .insert(products)
    .values({
      kind: "plan",
      title: "Club",
      details: {
        kind: "plan",
        planCode: "club",
        periodDays: 30,
        messagesPerPeriod: null,
        fairUseCap: 100,
        channelIds: [],
      },
    })
    .returning();
  fixture.product = product?.id ?? "";
  const now = t.clock.now();
  const plan = async (userId: string, endsInDays: number) =>
    t.core.db.insert(subscriptions).values({
      userId,
      planCode: "club",
      title: "Club",
      status: endsInDays > 0 ? "active" : "expired",
      startsAt: new Date(now.getTime() - 30 * DAY),
      endsAt: new Date(now.getTime() + endsInDays * DAY),
      periodDays: 30,
      fairUseCap: 100,
      botId,
    });
  const ann = await person("Ann"); // paying, plan ends in 2 days
  await plan(ann.id, 2);
  await t.core.db.insert(orders).values({
    userId: ann.id,
    productId: fixture.product,
    botId,
    kind: "plan",
    title: "Club",
    details: product?.details ?? { kind: "credits", credits: 1 },
    currency: "RUB",
    amount: 50_000,
    provider: "mock",
    status: "paid",
    paidAt: now,
    expiresAt: now,
    createdAt: new Date(now.getTime() - 40 * DAY),
  });
  const boris = await person("Boris", { language: "ru" }); // plan ends in 20 days, never paid
  await plan(boris.id, 20);
  const cleo = await person("Cleo"); // plan expired
  await plan(cleo.id, -3);
  const dima = await person("Dima", { language: "ru" }); // trial
  await t.core.db
    .insert(assistantTrials)
    .values({ userId: dima.id, messagesGranted: 5, messagesLeft: 3, startedAt: now });
  const eve = await person("Eve"); // inactive for 60 days
  await t.core.db
    .update(users)
    .set({ lastSeenAt: new Date(now.getTime() - 60 * DAY) })
    .where(eq(users.id, eve.id));
  const banned = await person("Banned"); // blocked by an operator: never counted
  await setUserBlocked(t.core, cliActor, { userId: banned.id, blocked: true });
  const gone = await person("Gone"); // blocked this bot: never counted
  await t.core.db
    .insert(botBlocks)
    .values({ botId, userId: gone.id, blockedAt: new Date(now.getTime() + 1) });
  await person("Other", { bot: otherBotId }); // another bot's user
  Object.assign(fixture, { ann: ann.id, boris: boris.id, cleo: cleo.id, dima: dima.id, eve: eve.id });
  fixture.annTg = String(ann.telegramId);
});
afterAll(() => t.database.close());

describe("audience segments", () => {
  it("counts each segment in SQL, leaving out blocked users and other bots' users", async () => {
    const count = (segment: Parameters<typeof countAudience>[1]["segment"], segmentParams = {}) =>
      countAudience(t.core, { botId, segment, segmentParams });
    expect(await count("everyone")).toBe(5);
    expect(await count("language", { language: "ru" })).toBe(2);
    expect(await count("trial")).toBe(1);
    expect(await count("paying")).toBe(1);
    expect(await count("never_paid")).toBe(4);
    expect(await count("active_plan")).toBe(2);
    expect(await count("active_plan", { productId: fixture.product })).toBe(2);
    expect(await count("plan_ending", { days: 7 })).toBe(1);
    expect(await count("plan_expired")).toBe(1);
    expect(await count("inactive", { days: 30 })).toBe(1);
    const list = await createBroadcastList(t.core, cliActor, {
      name: "VIP",
      csv: `telegram_id\n${fixture.annTg}\n999999999\n`,
    });
    expect(list.size).toBe(2);
    expect(await count("list", { listId: list.id })).toBe(1);
  });

  it("counts students of a course (or of any course) live, leaving out refunded places", async () => {
    const count = (courseCode?: string) =>
      countAudience(t.core, { botId, segment: "course", segmentParams: courseCode ? { courseCode } : {} });
    expect(await count()).toBe(0);
    const place = (userId: string, courseCode: string, status: "active" | "completed" | "refunded") =>
      t.core.db
        .insert(courseEnrollments)
        .values({ userId, courseCode, tariff: "BASIC", orderId: crypto.randomUUID(), status });
    await place(fixture.ann ?? "", "yoga", "active");
    await place(fixture.cleo ?? "", "chess", "completed");
    await place(fixture.boris ?? "", "chess", "refunded");
    expect(await count()).toBe(2);
    expect(await count("yoga")).toBe(1);
    expect(await count("chess")).toBe(1);
    expect(await count("nope")).toBe(0);
    // A student who blocked the bot is left out like everyone else.
    await place(fixture.eve ?? "", "yoga", "active");
    expect(await count("yoga")).toBe(2);
    await setUserBlocked(t.core, cliActor, { userId: fixture.eve ?? "", blocked: true });
    expect(await count("yoga")).toBe(1);
    await setUserBlocked(t.core, cliActor, { userId: fixture.eve ?? "", blocked: false });
  });

  it("refuses a segment without its parameter, naming the field", async () => {
    await expect(countAudience(t.core, { botId, segment: "inactive" })).rejects.toMatchObject({
      details: { field: "segment_params.days" },
    });
    await expect(
      createBroadcastList(t.core, cliActor, { name: "Bad", csv: "1\nabc\n" }),
    ).rejects.toMatchObject({ details: { field: "csv" } });
  });
});

describe("sending", () => {
  it("sends each recipient once in their language, even with two workers at once", async () => {
    const b = await newBroadcast("everyone");
    await scheduleBroadcast(t.core, cliActor, b.id);
    const first = scriptedSender();
    const second = scriptedSender();
    await Promise.all([
      runBroadcast(t.core, first.sender, b.id, { wait: noWait }),
      runBroadcast(t.core, second.sender, b.id, { wait: noWait }),
    ]);
    const all = [...first.sent, ...second.sent];
    expect(all).toHaveLength(5);
    expect(new Set(all.map((m) => m.chatId)).size).toBe(5);
    expect(all.find((m) => m.text.startsWith("Привет"))?.text).toMatch(/^Привет, (Boris|Dima)!$/);
    expect((await getBroadcast(t.core.db, b.id)).status).toBe("done");
    const again = scriptedSender();
    expect((await runBroadcast(t.core, again.sender, b.id, { wait: noWait })).outcome).toBe("done");
    expect(again.sent).toHaveLength(0);
    const report = await getBroadcastReport(t.core, b.id);
    expect(report).toMatchObject({ targeted: 5, sent: 5, failed: 0, blocked: 0 });
  });

  it("pauses the whole broadcast on a 429 and resumes after retry_after", async () => {
    const b = await newBroadcast("everyone");
    await scheduleBroadcast(t.core, cliActor, b.id);
    let throttled = false;
    const telegram = scriptedSender(() => {
      if (throttled) return undefined;
      throttled = true;
      return { kind: "throttled", retryAfterSeconds: 7 };
    });
    const run = await runBroadcast(t.core, telegram.sender, b.id, { wait: noWait });
    expect(run.outcome).toBe("throttled");
    const paused = await getBroadcast(t.core.db, b.id);
    expect(paused.pausedUntil?.getTime()).toBe(t.clock.now().getTime() + 7000);
    expect((await runBroadcast(t.core, telegram.sender, b.id, { wait: noWait })).outcome).toBe("throttled");
    t.clock.advance(7000);
    expect((await runBroadcast(t.core, telegram.sender, b.id, { wait: noWait })).outcome).toBe("done");
    expect(new Set(telegram.sent.map((m) => m.chatId)).size).toBe(5);
    expect(telegram.sent).toHaveLength(5);
  });

  it("marks a user who blocked the bot (403) and skips them next time", async () => {
    const b = await newBroadcast("everyone");
    await scheduleBroadcast(t.core, cliActor, b.id);
    const annChat = Number(fixture.annTg);
    const telegram = scriptedSender((m) =>
      m.chatId === annChat
        ? { kind: "blocked", reason: "Forbidden: bot was blocked by the user" }
        : undefined,
    );
    await runBroadcast(t.core, telegram.sender, b.id, { wait: noWait });
    const report = await getBroadcastReport(t.core, b.id);
    expect(report).toMatchObject({ sent: 4, blocked: 1 });
    expect(report.failedByReason).toEqual([{ reason: "Forbidden: bot was blocked by the user", count: 1 }]);
    const [block] = await t.core.db
      .select()
      .from(botBlocks)
      .where(eq(botBlocks.userId, fixture.ann ?? ""));
    expect(block?.botId).toBe(botId);
    expect(await countAudience(t.core, { botId, segment: "everyone" })).toBe(4);
    // Writing to the bot again (pressing Restart) makes the user reachable again.
    t.clock.advance(1000);
    await upsertTelegramUser(t.core, { telegramId: annChat, firstName: "Ann", botId });
    expect(await countAudience(t.core, { botId, segment: "everyone" })).toBe(5);
  });

  it("stops on pause and cancel, and sends the rest after resume", async () => {
    const b = await newBroadcast("everyone", { ratePerSecond: 25, allowPaidBroadcast: false });
    await scheduleBroadcast(t.core, cliActor, b.id);
    // An operator pauses while the first message is on its way: no worker claims anyone after that.
    const telegram = scriptedSender();
    let paused: Promise<unknown> | undefined;
    const pausing: BroadcastSender = {
      async send(id, message) {
        paused ??= pauseBroadcast(t.core, cliActor, b.id);
        await paused;
        return telegram.sender.send(id, message);
      },
    };
    const run = runBroadcast(t.core, pausing, b.id, { wait: noWait });
    expect((await run).outcome).toBe("paused");
    const sentBefore = telegram.sent.length;
    // Only the messages already claimed (one per lane at most) went out.
    expect(sentBefore).toBeGreaterThanOrEqual(1);
    expect(sentBefore).toBeLessThanOrEqual(3);
    await resumeBroadcast(t.core, cliActor, b.id);
    expect((await runBroadcast(t.core, telegram.sender, b.id, { wait: noWait })).outcome).toBe("done");
    expect(new Set(telegram.sent.map((m) => m.chatId)).size).toBe(5);
    expect(telegram.sent).toHaveLength(5);

    const c = await newBroadcast("everyone");
    await scheduleBroadcast(t.core, cliActor, c.id);
    await cancelBroadcast(t.core, cliActor, c.id);
    const none = scriptedSender();
    expect((await runBroadcast(t.core, none.sender, c.id, { wait: noWait })).outcome).toBe("cancelled");
    expect(none.sent).toHaveLength(0);
  });

  it("resumes after a crash without sending twice: a claim left behind is reported, not resent", async () => {
    const b = await newBroadcast("everyone");
    await scheduleBroadcast(t.core, cliActor, b.id);
    // A worker that claimed one recipient and died before recording the answer.
    const crashed = scriptedSender();
    const crashing: BroadcastSender = {
      async send(id, message) {
        if (crashed.sent.length === 1) throw new Error("killed");
        return crashed.sender.send(id, message);
      },
    };
    await expect(runBroadcast(t.core, crashing, b.id, { wait: noWait })).rejects.toThrow("killed");
    t.clock.advance(60_000);
    const restarted = scriptedSender();
    expect((await runBroadcast(t.core, restarted.sender, b.id, { wait: noWait })).outcome).toBe("done");
    const chats = [...crashed.sent, ...restarted.sent].map((m) => m.chatId);
    expect(new Set(chats).size).toBe(chats.length);
    const report = await getBroadcastReport(t.core, b.id);
    expect(report.sent + report.interrupted).toBe(5);
    expect(report.pending).toBe(0);
  });

  it("counts a button click once per recipient and attributes orders within 72 h", async () => {
    const b = await newBroadcast("paying");
    await scheduleBroadcast(t.core, cliActor, b.id);
    await runBroadcast(t.core, scriptedSender().sender, b.id, { wait: noWait });
    const annChat = Number(fixture.annTg);
    expect(
      await recordBroadcastClick(t.core, { broadcastId: b.id, telegramId: annChat, button: 0 }),
    ).toMatchObject({
      kind: "trial",
    });
    await recordBroadcastClick(t.core, { broadcastId: b.id, telegramId: annChat, button: 0 });
    const [product] = await t.core.db
      .select()
      .from(products)
      .where(eq(products.id, fixture.product ?? ""));
    const order = (hoursLater: number) => ({
      userId: fixture.ann ?? "",
      productId: fixture.product ?? "",
      botId,
      kind: "plan" as const,
      title: "Club",
      details: product?.details ?? { kind: "credits" as const, credits: 1 },
      currency: "RUB" as const,
      amount: 30_000,
      provider: "mock" as const,
      status: "paid" as const,
      expiresAt: t.clock.now(),
      createdAt: new Date(t.clock.now().getTime() + hoursLater * 3_600_000),
    });
    await t.core.db.insert(orders).values([order(1), order(71), order(73)]);
    const report = await getBroadcastReport(t.core, b.id);
    expect(report).toMatchObject({
      clicks: 1,
      clickers: 1,
      revenue: [{ currency: "RUB", amount: 60_000, orders: 2 }],
    });
    const rows = await t.core.db.execute(sql`select count(*)::int as n from ${broadcastDeliveries}`);
    expect(rows).toBeDefined();
    // The analytics events, written once each through the analytics writer, and the sources report.
    const written = await t.core.db
      .select({ type: events.type, userId: events.userId, properties: events.properties })
      .from(events)
      .where(eq(events.source, b.id))
      .orderBy(events.id);
    expect(written).toEqual([
      { type: "broadcast_received", userId: fixture.ann, properties: {} },
      { type: "broadcast_clicked", userId: fixture.ann, properties: { button: 0 } },
    ]);
    const today = t.clock.now().toISOString().slice(0, 10);
    const sources = await readSources(t.core.db, t.clock.now(), { from: today, to: today, tz: "UTC", botId });
    expect(sources.find((s) => s.source === b.id)).toEqual({
      source: b.id,
      kind: "broadcast",
      broadcastTitle: "Test",
      users: 1,
      clicks: 1,
      payingUsers: 1,
      revenue: [{ currency: "RUB", amount: 60_000 }],
    });
  });
});
