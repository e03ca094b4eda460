import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cliActor,
  createOrder,
  createProduct,
  type EventInput,
  readCohorts,
  readFunnelReport,
  readRevenueReport,
  readSources,
  readTrialConversion,
  recordEvents,
  settlePayment,
  upsertTelegramUser,
} from "../src/index.ts";
import { createTestCore } from "./support.ts";

/**
 * One small world, each report checked against it by hand. The clock starts on Thursday
 * 2026-01-15 10:00 UTC. Ann came by a partner's link on Tue 01-06, looked at the pack, began a
 * checkout and paid 100 Stars on 01-15, and opened the menu that week. Ben started plainly on
 * 01-14, looked at the pack and took a trial. Cleo came by the pack's link on 01-14, took a trial
 * and paid 500 roubles on 01-16. Another bot's user must not show in this bot's reports.
 */
let t: Awaited<ReturnType<typeof createTestCore>>;
const botId = randomUUID();
const otherBotId = randomUUID();
let productId: string;
const period = { from: "2026-01-01", to: "2026-01-16", tz: "UTC", botId };

async function pay(userId: string, currency: "XTR" | "RUB") {
  const order = await createOrder(t.core, {
    userId,
    productId,
    currency,
    provider: currency === "XTR" ? "stars" : "yookassa",
    botId,
  });
  await settlePayment(t.core, {
    provider: currency === "XTR" ? "stars" : "yookassa",
    providerPaymentId: `pay-${order.id}`,
    orderId: order.id,
    amount: order.amount,
    currency: order.currency,
    eventType: "test",
    raw: {},
  });
}

beforeAll(async () => {
  t = await createTestCore();
  productId = (
    await createProduct(t.core, cliActor, {
      title: "Pack",
      details: { kind: "credits", credits: 10 },
      prices: [
        { currency: "XTR", amount: 100 },
        { currency: "RUB", amount: 50_000 },
      ],
    })
  ).id;
  const user = async (telegramId: number, firstName: string) =>
    (await upsertTelegramUser(t.core, { telegramId, firstName })).id;
  const [ann, ben, cleo, other] = [
    await user(81_001, "Ann"),
    await user(81_002, "Ben"),
    await user(81_003, "Cleo"),
    await user(81_004, "Otto"),
  ];
  const at = (iso: string) => new Date(iso);
  const e = (
    type: EventInput["type"],
    userId: string,
    when: string,
    extra: Partial<EventInput> = {},
  ): EventInput => ({
    type,
    userId,
    botId,
    origin: "bot",
    occurredAt: at(when),
    ...extra,
  });
  await recordEvents(t.core, [
    e("bot_started", ann, "2026-01-06T09:00:00Z", { source: "ref_partner1" }),
    e("product_viewed", ann, "2026-01-06T09:01:00Z", { productId }),
    e("checkout_started", ann, "2026-01-06T09:02:00Z", { productId }),
    e("menu_pressed", ann, "2026-01-13T12:00:00Z"),
    e("bot_started", ben, "2026-01-14T08:00:00Z"),
    e("product_viewed", ben, "2026-01-14T08:05:00Z", { productId }),
    e("trial_started", ben, "2026-01-14T08:06:00Z"),
    e("bot_started", cleo, "2026-01-14T20:00:00Z", { source: `p_${productId}` }),
    e("trial_started", cleo, "2026-01-14T20:01:00Z"),
    e("bot_started", other, "2026-01-14T20:00:00Z", { botId: otherBotId, source: "ref_elsewhere" }),
  ]);
  await pay(ann, "XTR");
  t.clock.advance(86_400_000);
  await pay(cleo, "RUB");
});
afterAll(() => t.database.close());

describe("analytics reports", () => {
  it("funnel: started → viewed → checkout → paid, overall and per product", async () => {
    const report = await readFunnelReport(t.core.db, t.clock.now(), period);
    expect(report.steps).toEqual({ started: 3, viewed: 2, checkout: 1, paid: 2 });
    expect(report.products).toEqual([{ productId, title: "Pack", viewed: 2, checkout: 1, paid: 2 }]);
  });

  it("revenue by day, product and source, never adding currencies together", async () => {
    const byDay = await readRevenueReport(t.core.db, t.clock.now(), { ...period, by: "day" });
    expect(byDay).toEqual([
      { key: "2026-01-15", label: "2026-01-15", currency: "XTR", orders: 1, buyers: 1, amount: 100 },
      { key: "2026-01-16", label: "2026-01-16", currency: "RUB", orders: 1, buyers: 1, amount: 50_000 },
    ]);
    const byProduct = await readRevenueReport(t.core.db, t.clock.now(), { ...period, by: "product" });
    expect(byProduct.map((r) => [r.label, r.currency, r.amount])).toEqual([
      ["Pack", "RUB", 50_000],
      ["Pack", "XTR", 100],
    ]);
    const bySource = await readRevenueReport(t.core.db, t.clock.now(), { ...period, by: "source" });
    expect(bySource.map((r) => [r.key, r.currency, r.amount])).toEqual([
      [`p_${productId}`, "RUB", 50_000],
      ["ref_partner1", "XTR", 100],
    ]);
  });

  it("cohorts: week of first start × weeks active and paying", async () => {
    const cohorts = await readCohorts(t.core.db, t.clock.now(), { weeks: 4, tz: "UTC", botId });
    expect(cohorts).toEqual([
      { week: "2026-01-05", users: 1, active: [1, 1], paying: [0, 1] },
      { week: "2026-01-12", users: 2, active: [2], paying: [1] },
    ]);
  });

  it("trial → paid conversion", async () => {
    expect(await readTrialConversion(t.core.db, t.clock.now(), period)).toEqual({ trials: 2, converted: 1 });
  });

  it("sources: deep-link payloads with users, payers and revenue", async () => {
    const sources = await readSources(t.core.db, t.clock.now(), period);
    expect(sources).toEqual([
      { source: null, kind: "direct", users: 1, payingUsers: 0, revenue: [] },
      {
        source: `p_${productId}`,
        kind: "product",
        users: 1,
        payingUsers: 1,
        revenue: [{ currency: "RUB", amount: 50_000 }],
      },
      {
        source: "ref_partner1",
        kind: "partner",
        users: 1,
        payingUsers: 1,
        revenue: [{ currency: "XTR", amount: 100 }],
      },
    ]);
    const everyBot = await readSources(t.core.db, t.clock.now(), { ...period, botId: undefined });
    expect(everyBot.map((s) => s.source)).toContain("ref_elsewhere");
  });
});
