import { orders, promoRedemptions, promos } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type Actor,
  checkOrderPayable,
  createOrder,
  createProduct,
  createPromo,
  findLedgerMismatches,
  findOrderMismatches,
  getCreditBalance,
  redeemFreeDays,
  settlePayment,
  upsertTelegramUser,
} from "../src/index.ts";
import { createTestCore } from "./support.ts";

let t: Awaited<ReturnType<typeof createTestCore>>;
let productId: string;
let telegramId = 60_000;
const admin: Actor = { type: "admin", id: null, role: "admin" };
const buyer = async () => (await upsertTelegramUser(t.core, { telegramId: telegramId++, firstName: "P" })).id;
const order = async (promoCode: string | null, currency: "XTR" | "RUB" = "RUB") =>
  createOrder(t.core, {
    userId: await buyer(),
    productId,
    currency,
    provider: currency === "XTR" ? "stars" : "yookassa",
    promoCode,
  });
const pay = (o: { id: string; amount: number; currency: string }) =>
  settlePayment(t.core, {
    provider: "yookassa",
    providerPaymentId: `pay-${o.id}`,
    orderId: o.id,
    amount: o.amount,
    currency: o.currency,
    eventType: "test",
    raw: {},
  });

beforeAll(async () => {
  t = await createTestCore();
  productId = (
    await createProduct(t.core, admin, {
      title: "Pack",
      details: { kind: "credits", credits: 100 },
      prices: [
        { currency: "RUB", amount: 99_900 },
        { currency: "XTR", amount: 99 },
      ],
    })
  ).id;
});
afterEach(async () => {
  expect(await findLedgerMismatches(t.core.db)).toEqual([]);
  expect(await findOrderMismatches(t.core.db)).toEqual([]);
});
afterAll(() => t.database.close());

describe("promo codes", () => {
  it("price percent and fixed discounts on the server, in integers, case-insensitively", async () => {
    await createPromo(t.core, admin, { code: "save15", kind: "percent_off", value: 15 });
    await createPromo(t.core, admin, { code: "MINUS100", kind: "fixed_off", value: 10_000, currency: "RUB" });
    expect(await order("SAVE15")).toMatchObject({ amount: 84_915, listAmount: 99_900, promoCode: "SAVE15" });
    expect(await order("Save15", "XTR")).toMatchObject({ amount: 85 });
    expect(await order("minus100")).toMatchObject({ amount: 89_900 });
    await expect(order("MINUS100", "XTR")).rejects.toMatchObject({
      details: { reason: "not_applicable", field: "promo_code" },
    });
    await expect(order("NOPE")).rejects.toMatchObject({ code: "NOT_FOUND", details: { reason: "unknown" } });
  });

  it("refuse expired, not yet valid and inactive codes with a clear reason", async () => {
    const now = t.clock.now().getTime();
    await createPromo(t.core, admin, {
      code: "OLD",
      kind: "percent_off",
      value: 10,
      validTo: new Date(now - 1000),
    });
    await createPromo(t.core, admin, {
      code: "SOON",
      kind: "percent_off",
      value: 10,
      validFrom: new Date(now + 86_400_000),
    });
    await createPromo(t.core, admin, { code: "OFF", kind: "percent_off", value: 10, active: false });
    await expect(order("OLD")).rejects.toMatchObject({ code: "CONFLICT", details: { reason: "expired" } });
    await expect(order("SOON")).rejects.toMatchObject({ details: { reason: "not_started" } });
    await expect(order("OFF")).rejects.toMatchObject({ details: { reason: "inactive" } });
  });

  it("count uses when paid: with one use left and two buyers paying at once, exactly one gets it", async () => {
    await createPromo(t.core, admin, { code: "LAST", kind: "percent_off", value: 50, maxUses: 1 });
    const [a, b] = await Promise.all([order("LAST"), order("LAST")]);
    if (!a || !b) throw new Error("orders");
    expect([a.amount, b.amount]).toEqual([49_950, 49_950]);
    const results = await Promise.all([pay(a), pay(b)]);
    expect(results.map((r) => r.outcome)).toEqual(["settled", "settled"]);
    const redemptions = await t.core.db.select().from(promoRedemptions);
    expect(redemptions.filter((r) => r.orderId === a.id || r.orderId === b.id)).toHaveLength(1);
    const flagged = await t.core.db.select().from(orders).where(eq(orders.flagged, true));
    expect(flagged.filter((o) => o.id === a.id || o.id === b.id)).toHaveLength(1);
    await expect(order("LAST")).rejects.toMatchObject({ details: { reason: "exhausted" } });
  });

  it("count a once-per-user code once when one buyer's two orders are paid at the same moment", async () => {
    await createPromo(t.core, admin, { code: "TWICE", kind: "bonus_credits", value: 10 });
    const userId = await buyer();
    const first = await createOrder(t.core, {
      userId,
      productId,
      currency: "RUB",
      provider: "yookassa",
      promoCode: "TWICE",
    });
    const second = await createOrder(t.core, {
      userId,
      productId,
      currency: "RUB",
      provider: "yookassa",
      promoCode: "TWICE",
    });
    await Promise.all([pay(first), pay(second)]);
    const redemptions = await t.core.db.select().from(promoRedemptions);
    expect(redemptions.filter((r) => r.userId === userId)).toHaveLength(1);
    expect(await getCreditBalance(t.core.db, userId)).toBe(210);
  });

  it("decline pre-checkout once the last use is gone", async () => {
    await createPromo(t.core, admin, { code: "ONCE", kind: "percent_off", value: 10, maxUses: 1 });
    const first = await order("ONCE", "XTR");
    const second = await order("ONCE", "XTR");
    await settlePayment(t.core, {
      provider: "stars",
      providerPaymentId: `s-${first.id}`,
      orderId: first.id,
      amount: first.amount,
      currency: "XTR",
      eventType: "test",
      raw: {},
    });
    const user = await t.core.db.select().from(orders).where(eq(orders.id, second.id));
    const check = await checkOrderPayable(t.core, {
      orderId: second.id,
      telegramUserId:
        (
          await t.database.query<{ telegram_id: number }>("select telegram_id from users where id = $1", [
            user[0]?.userId,
          ])
        )[0]?.telegram_id ?? 0,
      currency: "XTR",
      amount: second.amount,
    });
    expect(check).toEqual({ ok: false, reason: "promo_exhausted" });
  });

  it("give bonus credits with the purchase, once per user", async () => {
    await createPromo(t.core, admin, { code: "BONUS", kind: "bonus_credits", value: 25 });
    const userId = await buyer();
    const first = await createOrder(t.core, {
      userId,
      productId,
      currency: "RUB",
      provider: "yookassa",
      promoCode: "BONUS",
    });
    expect(first.amount).toBe(99_900);
    await pay(first);
    await pay(first);
    expect(await getCreditBalance(t.core.db, userId)).toBe(125);
    await expect(
      createOrder(t.core, { userId, productId, currency: "RUB", provider: "yookassa", promoCode: "BONUS" }),
    ).rejects.toMatchObject({
      details: { reason: "used" },
    });
  });
});

describe("free days codes", () => {
  it("give a plan for free, counting the use, once per user", async () => {
    const plan = await createProduct(t.core, admin, {
      title: "Pro",
      details: { kind: "plan", planCode: "pro", periodDays: 30, messagesPerPeriod: 100 },
      prices: [{ currency: "XTR", amount: 300 }],
    });
    const promo = await createPromo(t.core, admin, {
      code: "TRY7",
      kind: "free_days",
      value: 7,
      productIds: [plan.id],
      maxUses: 10,
    });
    await expect(
      createPromo(t.core, admin, { code: "BAD7", kind: "free_days", value: 7 }),
    ).rejects.toMatchObject({ details: { field: "product_ids" } });
    const userId = await buyer();
    const granted = await redeemFreeDays(t.core, promo, { userId, botId: null });
    expect(granted.endsAt.getTime() - t.clock.now().getTime()).toBe(7 * 86_400_000);
    const [row] = await t.core.db.select().from(promos).where(eq(promos.id, promo.id));
    expect(row?.uses).toBe(1);
    await expect(
      redeemFreeDays(t.core, { ...promo, uses: 1 }, { userId, botId: null }),
    ).rejects.toMatchObject({ details: { reason: "used" } });
    await expect(order("TRY7")).rejects.toMatchObject({ details: { reason: "not_applicable" } });
  });
});
