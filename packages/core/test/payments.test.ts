import { courseEnrollments, orders, paymentEvents, payments, subscriptions } from "@lumen/db";
import { findLedgerMismatches, findOrderMismatches } from "@lumen/testkit";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type Actor,
  changeCredits,
  checkOrderPayable,
  cliActor,
  createOrder,
  createProduct,
  getCreditBalance,
  type ProductInput,
  refundOrder,
  settlePayment,
  upsertTelegramUser,
} from "../src/index.ts";
import { recordProviderRefund } from "../src/payments/record-provider-refund.ts";
import { createTestCore } from "./support.ts";

let t: Awaited<ReturnType<typeof createTestCore>>;
let telegramId = 40_000;
const admin: Actor = { type: "admin", id: null, role: "admin" };

const creditsPack: ProductInput = {
  title: "100 credits",
  details: { kind: "credits", credits: 100 },
  prices: [
    { currency: "XTR", amount: 50 },
    { currency: "RUB", amount: 9900 },
  ],
};

async function buyer() {
  const user = await upsertTelegramUser(t.core, { telegramId: telegramId++, firstName: "B" });
  return user;
}

async function pendingOrder(input: ProductInput = creditsPack, currency: "XTR" | "RUB" = "XTR") {
  const user = await buyer();
  const product = await createProduct(t.core, admin, input);
  const order = await createOrder(t.core, {
    userId: user.id,
    productId: product.id,
    currency,
    provider: currency === "XTR" ? "stars" : "yookassa",
  });
  return { user, product, order };
}

const pay = (
  order: { id: string; amount: number; currency: string },
  id: string,
  extra: Partial<Parameters<typeof settlePayment>[1]> = {},
) =>
  settlePayment(t.core, {
    provider: "stars",
    providerPaymentId: id,
    orderId: order.id,
    amount: order.amount,
    currency: order.currency,
    eventType: "successful_payment",
    raw: { id },
    ...extra,
  });

beforeAll(async () => {
  t = await createTestCore();
});
afterEach(async () => {
  expect(await findLedgerMismatches(t.core.db)).toEqual([]);
  expect(await findOrderMismatches(t.core.db)).toEqual([]);
});
afterAll(() => t.database.close());

describe("orders", () => {
  it("copy the price from the catalog and refuse products or currencies not on sale", async () => {
    const { order, product, user } = await pendingOrder();
    expect(order).toMatchObject({
      amount: 50,
      currency: "XTR",
      status: "pending",
      title: "100 credits",
      kind: "credits",
    });
    await expect(
      createOrder(t.core, { userId: user.id, productId: product.id, currency: "RUB", provider: "stars" }),
    ).rejects.toMatchObject({
      details: { field: "currency" },
    });
    const hidden = await createProduct(t.core, admin, { ...creditsPack, active: false });
    await expect(
      createOrder(t.core, { userId: user.id, productId: hidden.id, currency: "XTR", provider: "stars" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("pass pre-checkout only as they stand: pending, same amount and currency, same buyer", async () => {
    const { order, user } = await pendingOrder();
    const check = (over: Partial<Parameters<typeof checkOrderPayable>[1]> = {}) =>
      checkOrderPayable(t.core, {
        orderId: order.id,
        telegramUserId: user.telegramId,
        currency: "XTR",
        amount: 50,
        ...over,
      });
    expect(await check()).toEqual({ ok: true });
    expect(await check({ amount: 49 })).toEqual({ ok: false, reason: "mismatch" });
    expect(await check({ telegramUserId: 1 })).toEqual({ ok: false, reason: "wrong_user" });
    expect(await check({ orderId: "nope" })).toEqual({ ok: false, reason: "not_found" });
    t.clock.advance(25 * 3600_000);
    expect(await check()).toEqual({ ok: false, reason: "expired" });
  });
});

describe("settlePayment", () => {
  it("grants once however many times, and however concurrently, the payment arrives", async () => {
    const { order, user } = await pendingOrder();
    const results = await Promise.all(Array.from({ length: 10 }, () => pay(order, `charge-${order.id}`)));
    expect(results.filter((r) => r.outcome === "settled")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "already_settled")).toHaveLength(9);
    expect(await getCreditBalance(t.core.db, user.id)).toBe(100);
    const events = await t.core.db.select().from(paymentEvents).where(eq(paymentEvents.orderId, order.id));
    expect(events).toHaveLength(10);
    const [row] = await t.core.db.select().from(orders).where(eq(orders.id, order.id));
    expect(row).toMatchObject({ status: "paid", entitlementRef: expect.stringMatching(/^ledger:/) });
  });

  it("does not settle a payment that does not match the order, and flags the order", async () => {
    const { order, user } = await pendingOrder();
    const result = await pay(order, `short-${order.id}`, { amount: 1 });
    expect(result.outcome).toBe("mismatch");
    expect(await getCreditBalance(t.core.db, user.id)).toBe(0);
    const [row] = await t.core.db.select().from(orders).where(eq(orders.id, order.id));
    expect(row).toMatchObject({
      status: "pending",
      flagged: true,
      flagReason: "paid 1 XTR, order is 50 XTR",
    });
    expect(
      (await pay({ id: "00000000-0000-4000-8000-000000000000", amount: 1, currency: "XTR" }, "x")).outcome,
    ).toBe("unknown_order");
  });

  it("keeps a second, different payment on record without granting twice", async () => {
    const { order, user } = await pendingOrder();
    expect((await pay(order, `first-${order.id}`)).outcome).toBe("settled");
    expect((await pay(order, `second-${order.id}`)).outcome).toBe("paid_twice");
    expect(await getCreditBalance(t.core.db, user.id)).toBe(100);
    const kept = await t.core.db.select().from(payments).where(eq(payments.orderId, order.id));
    expect(kept.map((p) => [p.providerPaymentId, p.status]).sort()).toEqual([
      [`first-${order.id}`, "succeeded"],
      [`second-${order.id}`, "duplicate"],
    ]);
    // The operator gives the second payment back at the provider: the order and what it bought stay.
    expect(
      await recordProviderRefund(t.core, {
        provider: "stars",
        providerPaymentId: `second-${order.id}`,
        refundedAmount: order.amount,
      }),
    ).toBe("refunded");
    expect((await t.core.db.select().from(orders).where(eq(orders.id, order.id)))[0]?.status).toBe("paid");
    expect(await getCreditBalance(t.core.db, user.id)).toBe(100);
  });

  it("settles an order paid after it expired: the buyer paid, the buyer gets it", async () => {
    const { order, user } = await pendingOrder();
    await t.core.db.update(orders).set({ status: "expired" }).where(eq(orders.id, order.id));
    expect((await pay(order, `late-${order.id}`)).outcome).toBe("settled");
    expect(await getCreditBalance(t.core.db, user.id)).toBe(100);
  });

  it("grants plans and course places", async () => {
    const plan = await pendingOrder({
      title: "Pro month",
      details: { kind: "plan", planCode: "pro", periodDays: 30, messagesPerPeriod: null },
      prices: [{ currency: "XTR", amount: 300 }],
    });
    const settled = await pay(plan.order, `plan-${plan.order.id}`);
    expect(settled).toMatchObject({ outcome: "settled", grant: { kind: "plan" } });
    const course = await pendingOrder(
      {
        title: "Course, with feedback",
        details: { kind: "course", courseCode: "ai-101", tariff: "FEEDBACK" },
        prices: [{ currency: "RUB", amount: 490_000 }],
      },
      "RUB",
    );
    await pay(course.order, `course-${course.order.id}`, { provider: "yookassa" });
    const enrollments = await t.core.db
      .select()
      .from(courseEnrollments)
      .where(eq(courseEnrollments.userId, course.user.id));
    expect(enrollments).toMatchObject([{ courseCode: "ai-101", tariff: "FEEDBACK", status: "active" }]);
  });
});

describe("refundOrder", () => {
  it("refunds at the provider, then takes back the credits, once", async () => {
    const { order, user } = await pendingOrder();
    await pay(order, `refund-${order.id}`);
    const asked: string[] = [];
    const provider = async (_o: unknown, p: { providerPaymentId: string }) => {
      asked.push(p.providerPaymentId);
    };
    const result = await refundOrder(t.core, admin, { orderId: order.id }, provider);
    expect(result.reversal).toEqual({ creditsTaken: 100, creditsSpent: 0 });
    expect(await getCreditBalance(t.core.db, user.id)).toBe(0);
    await expect(refundOrder(t.core, admin, { orderId: order.id }, provider)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(asked).toEqual([`refund-${order.id}`]);
  });

  it("needs force when credits were spent, and then takes back only what is left", async () => {
    const { order, user } = await pendingOrder();
    await pay(order, `spent-${order.id}`);
    await changeCredits(t.core.db, {
      userId: user.id,
      delta: -30,
      reason: "spend",
      idempotencyKey: `use-${order.id}`,
    });
    const provider = async () => {};
    await expect(refundOrder(t.core, admin, { orderId: order.id }, provider)).rejects.toMatchObject({
      code: "CONFLICT",
      details: { field: "force" },
    });
    const result = await refundOrder(t.core, admin, { orderId: order.id, force: true }, provider);
    expect(result.reversal).toEqual({ creditsTaken: 70, creditsSpent: 30 });
    expect(await getCreditBalance(t.core.db, user.id)).toBe(0);
  });

  it("ends plan access, leaves the order paid when the provider refuses, and is admin-only", async () => {
    const { order } = await pendingOrder({
      title: "Pro month",
      details: { kind: "plan", planCode: "pro", periodDays: 30, messagesPerPeriod: 100 },
      prices: [{ currency: "XTR", amount: 300 }],
    });
    await pay(order, `planref-${order.id}`);
    await expect(
      refundOrder(t.core, { ...admin, role: "operator" }, { orderId: order.id }, async () => {}),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      refundOrder(t.core, admin, { orderId: order.id }, async () => {
        throw new Error("provider down");
      }),
    ).rejects.toThrow("provider down");
    expect((await t.core.db.select().from(orders).where(eq(orders.id, order.id)))[0]?.status).toBe("paid");
    await refundOrder(t.core, cliActor, { orderId: order.id }, async () => {});
    const [row] = await t.core.db.select().from(orders).where(eq(orders.id, order.id));
    const subscriptionId = row?.entitlementRef?.split(":")[1] ?? "";
    const [plan] = await t.core.db.select().from(subscriptions).where(eq(subscriptions.id, subscriptionId));
    expect(plan?.status).toBe("cancelled");
  });
});
