import { bots, promoRedemptions } from "@lumen/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reserveQuestion } from "../src/assistant/reserve-question.ts";
import { completeQuestion, releaseQuestion } from "../src/assistant/settle-question.ts";
import {
  type Actor,
  type AssistantConfig,
  createOrder,
  createProduct,
  createPromo,
  type Dashboard,
  getDashboard,
  recordBotMembership,
  refundOrder,
  settlePayment,
  startTrial,
  upsertTelegramUser,
} from "../src/index.ts";
import { redeemPromo } from "../src/promos/redeem-promo.ts";
import { createTestCore } from "./support.ts";

/**
 * One scenario whose right answers are worked out by hand, read in Moscow time (UTC+3), so day
 * boundaries differ from UTC: 2026-01-09T21:30Z is already 10 January in Moscow.
 */
let t: Awaited<ReturnType<typeof createTestCore>>;
const admin: Actor = { type: "admin", id: null, role: "admin" };
const config: AssistantConfig = {
  trialMessages: 3,
  trialDays: null,
  models: [{ id: "m", price: 1 }],
  defaultModel: "m",
  contextTurns: 2,
  reservationTimeoutMs: 60_000,
};
const botA = "00000000-0000-4000-8000-00000000000a";
const botB = "00000000-0000-4000-8000-00000000000b";
let telegramId = 120_000;
let pack: string;
let pro: string;
let day: string;
const at = (iso: string) => t.clock.advance(new Date(iso).getTime() - t.clock.now().getTime());

async function userAt(iso: string) {
  at(iso);
  return (await upsertTelegramUser(t.core, { telegramId: telegramId++, firstName: "U" })).id;
}

async function pay(
  iso: string,
  input: { userId: string; productId: string; currency: "XTR" | "RUB"; botId: string; amount?: number },
) {
  at(iso);
  const order = await createOrder(t.core, {
    ...input,
    provider: input.currency === "XTR" ? "stars" : "yookassa",
  });
  await settlePayment(t.core, {
    provider: order.provider,
    providerPaymentId: `p-${order.id}`,
    orderId: order.id,
    amount: input.amount ?? order.amount,
    currency: order.currency,
    eventType: "test",
    raw: {},
  });
  return order;
}

beforeAll(async () => {
  t = await createTestCore();
  await t.core.db.insert(bots).values(
    [botA, botB].map((id, i) => ({
      id,
      telegramId: 9_000 + i,
      username: `bot${i}`,
      name: `Bot ${i}`,
      tokenEncrypted: "x",
      webhookSecret: "s",
    })),
  );
  const prices = (xtr: number, rub: number) => [
    { currency: "XTR" as const, amount: xtr },
    { currency: "RUB" as const, amount: rub },
  ];
  pack = (
    await createProduct(t.core, admin, {
      title: "Pack",
      details: { kind: "credits", credits: 10 },
      prices: prices(50, 9900),
    })
  ).id;
  const plan = (code: string, periodDays: number) => ({
    kind: "plan" as const,
    planCode: code,
    periodDays,
    messagesPerPeriod: null,
  });
  pro = (
    await createProduct(t.core, admin, { title: "Pro", details: plan("pro", 30), prices: prices(300, 29900) })
  ).id;
  day = (
    await createProduct(t.core, admin, { title: "Day", details: plan("day", 1), prices: prices(10, 5000) })
  ).id;

  const u6 = await userAt("2026-01-05T09:00:00Z");
  const u7 = await userAt("2026-01-05T09:00:00Z");
  const u8 = await userAt("2026-01-05T09:00:00Z");
  await pay("2026-01-09T20:59:00Z", { userId: u7, productId: pack, currency: "XTR", botId: botA }); // 9 Jan, 23:59 MSK
  await pay("2026-01-09T21:30:00Z", { userId: u6, productId: pack, currency: "RUB", botId: botA }); // 10 Jan, 00:30 MSK
  const u1 = await userAt("2026-01-10T12:00:00Z");
  await pay("2026-01-10T20:30:00Z", { userId: u1, productId: pack, currency: "XTR", botId: botA });
  const u2 = await userAt("2026-01-10T13:00:00Z");
  await pay("2026-01-10T21:30:00Z", { userId: u2, productId: pack, currency: "RUB", botId: botB }); // 11 Jan MSK
  await pay("2026-01-11T10:00:00Z", { userId: u2, productId: day, currency: "RUB", botId: botB }); // ends 12 Jan
  const u3 = await userAt("2026-01-10T14:00:00Z");
  const refunded = await pay("2026-01-11T12:00:00Z", {
    userId: u3,
    productId: pack,
    currency: "XTR",
    botId: botA,
  });
  at("2026-01-12T08:00:00Z");
  await refundOrder(t.core, admin, { orderId: refunded.id }, async () => {});
  await pay("2026-01-12T09:00:00Z", { userId: u1, productId: pro, currency: "XTR", botId: botA });
  await pay("2026-01-13T09:00:00Z", { userId: u1, productId: pro, currency: "XTR", botId: botA }); // a renewal
  const u4 = await userAt("2026-01-11T07:00:00Z");
  await startTrial(t.core, config, u4);
  const u5 = await userAt("2026-01-11T08:00:00Z");
  await startTrial(t.core, config, u5);
  const asked = await reserveQuestion(t.core, config, {
    userId: u5,
    question: "hi",
    channel: "bot",
    botId: botA,
  });
  await completeQuestion(t.core, asked.messageId, {
    answer: "hello",
    promptTokens: 10,
    completionTokens: 20,
    latencyMs: 5,
  });
  const lost = await reserveQuestion(t.core, config, {
    userId: u5,
    question: "again",
    channel: "bot",
    botId: botA,
  });
  await releaseQuestion(t.core, lost.messageId, "upstream down");
  await pay("2026-01-12T10:00:00Z", { userId: u4, productId: pack, currency: "XTR", botId: botA });
  // After the period: a payment that did not match its order (flagged, not paid).
  await pay("2026-01-14T10:00:00Z", {
    userId: u8,
    productId: pack,
    currency: "XTR",
    botId: botA,
    amount: 49,
  });

  const promo = await createPromo(t.core, admin, {
    code: "ONCE",
    kind: "percent_off",
    value: 10,
    maxUses: 1,
  });
  await redeemPromo(t.core.db, { promoId: promo.id, userId: u1, orderId: null, now: t.clock.now() });
  // A second use recorded past the limit: what the overrun flag exists to catch.
  await t.core.db.insert(promoRedemptions).values({ promoId: promo.id, userId: u2, orderId: null });
  await recordBotMembership(t.core, {
    botId: botB,
    chat: { id: -100500, title: "VIP", type: "channel" },
    status: "administrator",
    canInviteUsers: true,
    canRestrictMembers: false,
    changedAt: t.clock.now(),
  });
  at("2026-01-14T12:00:00Z");
});
afterAll(() => t.database.close());

const period = { from: "2026-01-10", to: "2026-01-13", tz: "Europe/Moscow" };
const revenueOf = (d: Dashboard, currency: "XTR" | "RUB") =>
  d.revenue.currencies.find((c) => c.currency === currency);
const series = (d: Dashboard, currency: "XTR" | "RUB") =>
  d.revenue.byDay.filter((p) => p.currency === currency).map((p) => [p.day, p.amount]);

describe("dashboard", () => {
  it("buckets revenue by the operator's day, keeps currencies apart and leaves refunds out", async () => {
    const d = await getDashboard(t.core, period);
    expect(d.period).toMatchObject({
      from: "2026-01-10",
      to: "2026-01-13",
      days: 4,
      startsAt: new Date("2026-01-09T21:00:00Z"),
      endsAt: new Date("2026-01-13T21:00:00Z"),
    });
    expect(series(d, "XTR")).toEqual([
      ["2026-01-10", 50],
      ["2026-01-11", 0],
      ["2026-01-12", 350],
      ["2026-01-13", 300],
    ]);
    expect(series(d, "RUB")).toEqual([
      ["2026-01-10", 9900],
      ["2026-01-11", 14900],
      ["2026-01-12", 0],
      ["2026-01-13", 0],
    ]);
    expect(revenueOf(d, "XTR")).toMatchObject({ amount: 700, orders: 4, refunded: 1, refundedAmount: 50 });
    expect(revenueOf(d, "RUB")).toMatchObject({ amount: 24800, orders: 3, refunded: 0 });
    expect(d.paidOrders.value).toBe(7);
    expect(d.payingUsers.value).toBe(4);
    expect(revenueOf(d, "XTR")?.link).toEqual({
      list: "orders",
      filter: {
        status: "paid",
        currency: "XTR",
        from: "2026-01-09T21:00:00.000Z",
        to: "2026-01-13T21:00:00.000Z",
      },
    });
  });

  it("the same payments read in UTC fall on other days", async () => {
    const d = await getDashboard(t.core, { ...period, tz: "UTC" });
    expect(series(d, "RUB")).toEqual([
      ["2026-01-10", 9900],
      ["2026-01-11", 5000],
      ["2026-01-12", 0],
      ["2026-01-13", 0],
    ]);
    expect(revenueOf(d, "XTR")?.amount).toBe(700);
  });

  it("counts new, active and paying users, trial conversion and the assistant's work", async () => {
    const d = await getDashboard(t.core, period);
    expect(d.audience.newUsers.value).toBe(5);
    expect(d.audience.activeUsers.value).toBe(6);
    expect(d.audience.trialConversion).toMatchObject({ trials: 2, converted: 1, percent: 50 });
    expect(d.audience.assistant).toMatchObject({ messages: 1, failed: 1, credits: 0, tokens: 30 });
  });

  it("reads plans through their dates: live at the end, renewals and churn", async () => {
    const d = await getDashboard(t.core, period);
    expect(d.subscriptions.active.value).toBe(1);
    expect(d.subscriptions.renewals.value).toBe(1);
    expect(d.subscriptions.churn).toMatchObject({ value: 1, percent: 0 });
    expect(d.topProducts.map((p) => [p.title, p.orders, p.revenue])).toEqual([
      [
        "Pack",
        4,
        [
          { currency: "RUB", amount: 19800 },
          { currency: "XTR", amount: 100 },
        ],
      ],
      ["Pro", 2, [{ currency: "XTR", amount: 600 }]],
      ["Day", 1, [{ currency: "RUB", amount: 5000 }]],
    ]);
  });

  it("raises flags for a mismatched payment, an overrun promo code and a chat missing a right", async () => {
    const d = await getDashboard(t.core, period);
    const flag = (kind: string) => d.flags.find((f) => f.kind === kind);
    expect(flag("payment_mismatch")).toMatchObject({
      count: 1,
      link: { list: "orders", filter: { flagged: "true" } },
    });
    expect(flag("promo_overrun")).toMatchObject({
      count: 1,
      items: [{ code: "ONCE", maxUses: 1, redemptions: 2 }],
    });
    expect(flag("missing_channel_rights")).toMatchObject({
      count: 1,
      items: [{ title: "VIP", missingRights: ["can_restrict_members"] }],
    });
  });

  it("narrows every figure to one bot", async () => {
    const d = await getDashboard(t.core, { ...period, botId: botB });
    expect(revenueOf(d, "RUB")).toMatchObject({ amount: 14900, orders: 2 });
    expect(revenueOf(d, "XTR")).toMatchObject({ amount: 0, orders: 0 });
    expect(d.payingUsers.value).toBe(1);
    expect(d.audience.newUsers.value).toBe(1);
    expect(d.audience.activeUsers.value).toBe(1);
    expect(d.audience.assistant.messages).toBe(0);
    expect(d.flags.find((f) => f.kind === "payment_mismatch")?.count).toBe(0);
    expect(d.flags.find((f) => f.kind === "missing_channel_rights")?.count).toBe(1);
    expect(d.paidOrders.link.filter).toMatchObject({ bot_id: botB });
    const a = await getDashboard(t.core, { ...period, botId: botA });
    expect(a.flags.find((f) => f.kind === "missing_channel_rights")?.count).toBe(0);
  });

  it("refuses a bad period naming the field", async () => {
    await expect(getDashboard(t.core, { ...period, tz: "Mars/Olympus" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      details: { field: "tz" },
    });
    await expect(getDashboard(t.core, { from: "2026-01-10", to: "2026-01-09" })).rejects.toMatchObject({
      details: { field: "to" },
    });
    await expect(getDashboard(t.core, { from: "2024-01-01", to: "2026-01-09" })).rejects.toMatchObject({
      details: { field: "from" },
    });
    await expect(getDashboard(t.core, { from: "2026-02-30", to: "2026-03-01" })).rejects.toMatchObject({
      details: { field: "from" },
    });
  });

  it("defaults to the last 30 days ending today in the operator's timezone", async () => {
    const d = await getDashboard(t.core, { tz: "Asia/Tokyo" });
    expect(d.period).toMatchObject({ from: "2025-12-16", to: "2026-01-14", days: 30 });
  });
});
