import { randomUUID } from "node:crypto";
import { eventDailyCounts, events } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cliActor,
  createProduct,
  EVENT_BATCH,
  isLumenError,
  pruneEvents,
  readDailyEventCounts,
  readProductFunnel,
  recordEvents,
  recordStoreEvents,
  upsertTelegramUser,
} from "../src/index.ts";
import { createTestCore } from "./support.ts";

let t: Awaited<ReturnType<typeof createTestCore>>;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestCore();
});
afterAll(() => t.database.close());

const newUser = async (telegramId: number) =>
  (await upsertTelegramUser(t.core, { telegramId, firstName: "E" })).id;

describe("analytics events", () => {
  it("appends a batch in one call and keeps an event with the same dedupe key once", async () => {
    const userId = await newUser(71_001);
    const botId = randomUUID();
    const at = t.clock.now();
    const paid = {
      type: "payment_succeeded" as const,
      userId,
      botId,
      origin: "server" as const,
      dedupeKey: `pay-${userId}`,
      properties: { amount: 100, currency: "XTR" },
      occurredAt: at,
    };
    expect(
      await recordEvents(t.core, [
        { type: "bot_started", userId, botId, source: "ref_abc", origin: "bot", occurredAt: at },
        {
          type: "menu_pressed",
          userId,
          botId,
          properties: { button: "help" },
          origin: "bot",
          occurredAt: at,
        },
        paid,
      ]),
    ).toBe(3);
    expect(await recordEvents(t.core, [paid])).toBe(0);
    const rows = await t.core.db.select().from(events).where(eq(events.userId, userId));
    expect(rows.map((r) => r.type).sort()).toEqual(["bot_started", "menu_pressed", "payment_succeeded"]);
    expect(rows.find((r) => r.type === "bot_started")?.source).toBe("ref_abc");
  });

  it("refuses a malformed event or an oversized batch by field", async () => {
    const bad = await recordEvents(t.core, [
      { type: "nope" as "bot_started", origin: "bot", occurredAt: t.clock.now() },
    ]).catch((e: unknown) => e);
    expect(isLumenError(bad) && bad.code).toBe("VALIDATION_FAILED");
    const many = Array.from({ length: EVENT_BATCH + 1 }, () => ({
      type: "bot_started" as const,
      origin: "bot" as const,
      occurredAt: t.clock.now(),
    }));
    expect(await recordEvents(t.core, many).catch((e: unknown) => isLumenError(e) && e.code)).toBe(
      "VALIDATION_FAILED",
    );
  });

  it("the Mini App's events are general events, and the funnel counts the bot's and the app's alike", async () => {
    const botId = randomUUID();
    const productId = (
      await createProduct(t.core, cliActor, {
        title: "Funnel pack",
        details: { kind: "credits", credits: 5 },
        prices: [{ currency: "XTR", amount: 5 }],
      })
    ).id;
    const inApp = await newUser(71_002);
    const inBot = await newUser(71_003);
    await recordStoreEvents(t.core, {
      userId: inApp,
      botId,
      events: [
        { type: "product_viewed", productId, source: "menu" },
        { type: "checkout_started", productId },
      ],
    });
    await recordEvents(t.core, [
      { type: "product_viewed", userId: inBot, botId, productId, origin: "bot", occurredAt: t.clock.now() },
    ]);
    const stored = await t.core.db.select().from(events).where(eq(events.userId, inApp));
    expect(stored.map((e) => [e.type, e.origin])).toEqual([
      ["product_viewed", "app"],
      ["checkout_started", "app"],
    ]);
    const funnel = await readProductFunnel(t.core.db, t.clock.now(), { botId });
    expect(funnel.find((f) => f.productId === productId)).toMatchObject({ viewed: 2, checkout: 1, paid: 0 });
  });

  it("prunes events older than the retention and keeps the rest", async () => {
    const userId = await newUser(71_004);
    const now = t.clock.now().getTime();
    await recordEvents(t.core, [
      { type: "bot_started", userId, origin: "bot", occurredAt: new Date(now - 40 * DAY) },
      { type: "bot_started", userId, origin: "bot", occurredAt: new Date(now - 10 * DAY) },
    ]);
    expect(await pruneEvents(t.core, { retentionDays: 30 })).toBeGreaterThanOrEqual(1);
    const left = await t.core.db.select().from(events).where(eq(events.userId, userId));
    expect(left.map((e) => e.occurredAt.getTime())).toEqual([now - 10 * DAY]);
  });

  it("rolls pruned days up into daily counts by bot, type and source, so old periods read the same", async () => {
    const botId = randomUUID();
    const [ann, ben] = [await newUser(71_101), await newUser(71_102)];
    const now = t.clock.now().getTime();
    const day = (daysAgo: number) => new Date(now - daysAgo * DAY);
    await recordEvents(t.core, [
      { type: "bot_started", userId: ann, botId, source: "ref_x", origin: "bot", occurredAt: day(50) },
      { type: "bot_started", userId: ben, botId, source: "ref_x", origin: "bot", occurredAt: day(50) },
      { type: "menu_pressed", userId: ann, botId, origin: "bot", occurredAt: day(50) },
      { type: "menu_pressed", userId: ann, botId, origin: "bot", occurredAt: day(50) },
      { type: "menu_pressed", userId: ben, botId, origin: "bot", occurredAt: day(45) },
      { type: "menu_pressed", userId: ben, botId, origin: "bot", occurredAt: day(5) },
    ]);
    const period = {
      from: day(60).toISOString().slice(0, 10),
      to: t.clock.now().toISOString().slice(0, 10),
      tz: "UTC",
      botId,
    };
    const before = await readDailyEventCounts(t.core.db, t.clock.now(), period);
    expect(before.map((r) => [r.type, r.source, r.events, r.users])).toEqual([
      ["bot_started", "ref_x", 2, 2],
      ["menu_pressed", null, 2, 1],
      ["menu_pressed", null, 1, 1],
      ["menu_pressed", null, 1, 1],
    ]);

    await pruneEvents(t.core, { retentionDays: 30 });
    const live = await t.core.db.select().from(events).where(eq(events.botId, botId));
    expect(live.map((e) => e.occurredAt.getTime())).toEqual([now - 5 * DAY]);
    const rolled = await t.core.db.select().from(eventDailyCounts).where(eq(eventDailyCounts.botId, botId));
    expect(rolled).toHaveLength(3);
    expect(await readDailyEventCounts(t.core.db, t.clock.now(), period)).toEqual(before);

    // A second run finds nothing more to do and changes no count.
    expect(await pruneEvents(t.core, { retentionDays: 30 })).toBe(0);
    expect(await readDailyEventCounts(t.core.db, t.clock.now(), period)).toEqual(before);
  });
});
