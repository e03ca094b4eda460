import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Actor,
  attributeReferral,
  createOrder,
  createProduct,
  getOrCreateReferralCode,
  getPartnerStats,
  recordPayout,
  refundOrder,
  settlePayment,
  upsertTelegramUser,
} from "../src/index.ts";
import { createTestCore } from "./support.ts";

let t: Awaited<ReturnType<typeof createTestCore>>;
let productId: string;
let telegramId = 80_000;
const admin: Actor = { type: "admin", id: null, role: "admin" };
const settings = { percent: 10, holdDays: 14 };
const newUser = async () =>
  (await upsertTelegramUser(t.core, { telegramId: telegramId++, firstName: "R" })).id;

async function buy(userId: string) {
  const order = await createOrder(t.core, { userId, productId, currency: "XTR", provider: "stars" });
  await settlePayment(t.core, {
    provider: "stars",
    providerPaymentId: `ch-${order.id}`,
    orderId: order.id,
    amount: order.amount,
    currency: "XTR",
    eventType: "test",
    raw: {},
  });
  return order;
}

beforeAll(async () => {
  t = await createTestCore();
  productId = (
    await createProduct(t.core, admin, {
      title: "Pack",
      details: { kind: "credits", credits: 10 },
      prices: [{ currency: "XTR", amount: 500 }],
    })
  ).id;
});
afterAll(() => t.database.close());

describe("referrals", () => {
  it("attribute a newcomer on the first visit only, never to the partner themselves", async () => {
    const partner = await newUser();
    const code = await getOrCreateReferralCode(t.core.db, partner);
    expect(await getOrCreateReferralCode(t.core.db, partner)).toBe(code);
    const newcomer = await newUser();
    expect(await attributeReferral(t.core, { userId: newcomer, code, firstVisit: true })).toBe("attributed");
    const other = await newUser();
    const otherCode = await getOrCreateReferralCode(t.core.db, other);
    expect(await attributeReferral(t.core, { userId: newcomer, code: otherCode, firstVisit: true })).toBe(
      "already_attributed",
    );
    expect(await attributeReferral(t.core, { userId: await newUser(), code, firstVisit: false })).toBe(
      "not_first_visit",
    );
    expect(await attributeReferral(t.core, { userId: partner, code, firstVisit: true })).toBe("self");
    expect(await attributeReferral(t.core, { userId: newcomer, code: "nosuchcode", firstVisit: true })).toBe(
      "unknown_code",
    );
    const stats = await getPartnerStats(t.core.db, settings, { partnerUserId: partner, now: t.clock.now() });
    expect(stats).toMatchObject({ code, clicks: 3, signups: 1, payingUsers: 0 });
  });

  it("compute commission on paid orders, hold it, reverse it on refund, and pay out only what is due", async () => {
    const partner = await newUser();
    const code = await getOrCreateReferralCode(t.core.db, partner);
    const [a, b] = [await newUser(), await newUser()];
    await attributeReferral(t.core, { userId: a, code, firstVisit: true });
    await attributeReferral(t.core, { userId: b, code, firstVisit: true });
    await buy(a);
    const refunded = await buy(b);
    await buy(await newUser());
    let stats = await getPartnerStats(t.core.db, settings, { partnerUserId: partner, now: t.clock.now() });
    expect(stats.payingUsers).toBe(2);
    expect(stats.money).toEqual([
      { currency: "XTR", revenue: 1000, earned: 0, held: 100, paidOut: 0, due: 0 },
    ]);

    await refundOrder(t.core, admin, { orderId: refunded.id }, async () => {});
    t.clock.advance(15 * 86_400_000);
    stats = await getPartnerStats(t.core.db, settings, { partnerUserId: partner, now: t.clock.now() });
    expect(stats.money).toEqual([
      { currency: "XTR", revenue: 500, earned: 50, held: 0, paidOut: 0, due: 50 },
    ]);

    await expect(
      recordPayout(t.core, admin, settings, {
        partnerUserId: partner,
        amount: 60,
        currency: "XTR",
        idempotencyKey: "p1",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(
      await recordPayout(t.core, admin, settings, {
        partnerUserId: partner,
        amount: 50,
        currency: "XTR",
        idempotencyKey: "p2",
      }),
    ).toEqual({ replayed: false });
    expect(
      await recordPayout(t.core, admin, settings, {
        partnerUserId: partner,
        amount: 50,
        currency: "XTR",
        idempotencyKey: "p2",
      }),
    ).toEqual({ replayed: true });
    // The key names that payout: another amount or partner under it is refused, not replayed.
    await expect(
      recordPayout(t.core, admin, settings, {
        partnerUserId: partner,
        amount: 40,
        currency: "XTR",
        idempotencyKey: "p2",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", details: { field: "idempotency_key" } });
    await expect(
      recordPayout(t.core, admin, settings, {
        partnerUserId: await newUser(),
        amount: 50,
        currency: "XTR",
        idempotencyKey: "p2",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    stats = await getPartnerStats(t.core.db, settings, { partnerUserId: partner, now: t.clock.now() });
    expect(stats.money[0]).toMatchObject({ paidOut: 50, due: 0 });
  });

  it("never pays out more than is due when two payouts are recorded at once", async () => {
    const partner = await newUser();
    const code = await getOrCreateReferralCode(t.core.db, partner);
    const referred = await newUser();
    await attributeReferral(t.core, { userId: referred, code, firstVisit: true });
    await buy(referred);
    t.clock.advance(15 * 86_400_000);
    const outcomes = await Promise.allSettled(
      ["a", "b", "c", "d", "e", "f", "g", "h"].map((k) =>
        recordPayout(t.core, admin, settings, {
          partnerUserId: partner,
          amount: 50,
          currency: "XTR",
          idempotencyKey: `race-${k}`,
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const stats = await getPartnerStats(t.core.db, settings, { partnerUserId: partner, now: t.clock.now() });
    expect(stats.money[0]).toMatchObject({ paidOut: 50, due: 0 });
  });

  it("sums revenue past int4 exactly", async () => {
    const partner = await newUser();
    const code = await getOrCreateReferralCode(t.core.db, partner);
    const big = await createProduct(t.core, admin, {
      title: "Big",
      details: { kind: "credits", credits: 1 },
      prices: [{ currency: "RUB", amount: 1_000_000_000 }],
    });
    const buyer = await newUser();
    await attributeReferral(t.core, { userId: buyer, code, firstVisit: true });
    for (let i = 0; i < 3; i++) {
      const order = await createOrder(t.core, {
        userId: buyer,
        productId: big.id,
        currency: "RUB",
        provider: "yookassa",
      });
      await settlePayment(t.core, {
        provider: "yookassa",
        providerPaymentId: `big-${order.id}`,
        orderId: order.id,
        amount: order.amount,
        currency: "RUB",
        eventType: "test",
        raw: {},
      });
    }
    const stats = await getPartnerStats(t.core.db, settings, { partnerUserId: partner, now: t.clock.now() });
    expect(stats.money).toEqual([
      { currency: "RUB", revenue: 3_000_000_000, earned: 0, held: 300_000_000, paidOut: 0, due: 0 },
    ]);
  });
});
