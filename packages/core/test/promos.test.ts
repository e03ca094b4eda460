import { orders, promoRedemptions, promos } from "@lumen/db";
import { findLedgerMismatches, findOrderMismatches } from "@lumen/testkit";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type Actor,
  checkOrderPayable,
  createOrder,
  createProduct,
  createPromo,
  expireOrders,
  getCreditBalance,
  redeemFreeDays,
  settlePayment,
  updatePromo,
  upsertTelegramUser,
} from "../src/index.ts";
import { ORDER_TTL_MS } from "../src/orders/create-order.ts";
import { setPromoActive } from "../src/promos/manage-promos.ts";
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
const telegramIdOf = async (userId: string) =>
  (
    await t.database.query<{ telegram_id: number }>("select telegram_id from users where id = $1", [userId])
  )[0]?.telegram_id ?? 0;
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

  it("reserve the last use when the order is made: of two buyers ordering at once, one gets it", async () => {
    await createPromo(t.core, admin, { code: "LAST", kind: "percent_off", value: 50, maxUses: 1 });
    const results = await Promise.allSettled([order("LAST"), order("LAST")]);
    const made = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    expect(made.map((o) => o.amount)).toEqual([49_950]);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({
      reason: { details: { reason: "exhausted" } },
    });
    const [paid] = made;
    if (!paid) throw new Error("order");
    expect((await pay(paid)).outcome).toBe("settled");
    expect((await t.core.db.select().from(orders).where(eq(orders.id, paid.id)))[0]?.flagged).toBe(false);
    const redemptions = await t.core.db
      .select()
      .from(promoRedemptions)
      .where(eq(promoRedemptions.orderId, paid.id));
    expect(redemptions).toMatchObject([{ status: "redeemed" }]);
  });

  it("refuse a once-per-user code on the buyer's second order before any money moves", async () => {
    await createPromo(t.core, admin, { code: "TWICE", kind: "bonus_credits", value: 10 });
    const userId = await buyer();
    const make = () =>
      createOrder(t.core, { userId, productId, currency: "RUB", provider: "yookassa", promoCode: "TWICE" });
    const first = await make();
    await expect(make()).rejects.toMatchObject({ code: "CONFLICT", details: { reason: "used" } });
    const mine = await t.core.db.select().from(orders).where(eq(orders.userId, userId));
    expect(mine.map((o) => o.id)).toEqual([first.id]);
    await pay(first);
    expect(await getCreditBalance(t.core.db, userId)).toBe(110);
  });

  it("give a once-per-user code to exactly one of one buyer's orders made at the same moment", async () => {
    await createPromo(t.core, admin, { code: "RUSH", kind: "percent_off", value: 30 });
    const userId = await buyer();
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () =>
        createOrder(t.core, { userId, productId, currency: "RUB", provider: "yookassa", promoCode: "RUSH" }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(3);
    const held = await t.core.db.select().from(promoRedemptions).where(eq(promoRedemptions.userId, userId));
    expect(held).toMatchObject([{ status: "reserved" }]);
    expect((await t.core.db.select().from(promos).where(eq(promos.code, "RUSH")))[0]?.uses).toBe(1);
  });

  it("release the reservation of an order that expired, so the use can be taken again", async () => {
    await createPromo(t.core, admin, { code: "HOLD", kind: "percent_off", value: 20, maxUses: 1 });
    const held = await order("HOLD");
    await expect(order("HOLD")).rejects.toMatchObject({ details: { reason: "exhausted" } });
    t.clock.advance(ORDER_TTL_MS + 1000);
    await expireOrders(t.core.db, t.clock.now());
    expect((await t.core.db.select().from(promos).where(eq(promos.code, "HOLD")))[0]?.uses).toBe(0);
    expect(
      await t.core.db.select().from(promoRedemptions).where(eq(promoRedemptions.orderId, held.id)),
    ).toEqual([]);
    expect(await order("HOLD")).toMatchObject({ promoCode: "HOLD", amount: 79_920 });
  });

  it("decline at pre-checkout an order whose code was deactivated after it was made", async () => {
    const promo = await createPromo(t.core, admin, { code: "PAUSED", kind: "percent_off", value: 10 });
    const pending = await order("PAUSED", "XTR");
    const telegramUserId = await telegramIdOf(pending.userId);
    const ask = () =>
      checkOrderPayable(t.core, {
        orderId: pending.id,
        telegramUserId,
        currency: "XTR",
        amount: pending.amount,
      });
    expect(await ask()).toEqual({ ok: true });
    await setPromoActive(t.core, admin, { promoId: promo.id, active: false });
    expect(await ask()).toEqual({ ok: false, reason: "promo_invalid" });
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

describe("editing a code", () => {
  it("changes only the fields sent: switching a code off keeps its currency, products, dates and limit", async () => {
    const validTo = new Date("2099-01-01T00:00:00Z");
    const fixed = await createPromo(t.core, admin, {
      code: "KEEP100",
      kind: "fixed_off",
      value: 10_000,
      currency: "RUB",
      productIds: [productId],
      validTo,
      maxUses: 7,
      oncePerUser: false,
    });
    const off = await updatePromo(t.core, admin, { promoId: fixed.id, patch: { active: false } });
    expect(off).toMatchObject({
      active: false,
      currency: "RUB",
      productIds: [productId],
      validTo,
      maxUses: 7,
      oncePerUser: false,
    });
    const edited = await updatePromo(t.core, admin, { promoId: fixed.id, patch: { maxUses: 9 } });
    expect(edited).toMatchObject({ active: false, currency: "RUB", maxUses: 9, value: 10_000 });
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
