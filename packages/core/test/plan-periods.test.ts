import { readFileSync } from "node:fs";
import { subscriptionPeriods, subscriptions } from "@lumen/db";
import { findLedgerMismatches, findOrderMismatches } from "@lumen/testkit";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type Actor,
  createOrder,
  createProduct,
  createPromo,
  extendPlan,
  type ProductInput,
  refundOrder,
  settlePayment,
  upsertTelegramUser,
} from "../src/index.ts";
import { revokePlanPeriod } from "../src/subscriptions/revoke-plan-period.ts";
import { createTestCore } from "./support.ts";

const DAY = 86_400_000;
let t: Awaited<ReturnType<typeof createTestCore>>;
let telegramId = 70_000;
const admin: Actor = { type: "admin", id: null, role: "admin" };
const month: ProductInput = {
  title: "Group month",
  details: { kind: "plan", planCode: "group", periodDays: 30, messagesPerPeriod: null },
  prices: [{ currency: "XTR", amount: 300 }],
};

beforeAll(async () => {
  t = await createTestCore();
});
afterEach(async () => {
  expect(await findLedgerMismatches(t.core.db)).toEqual([]);
  expect(await findOrderMismatches(t.core.db)).toEqual([]);
  // A live plan ends where its last live period ends.
  const drift = await t.core.db.execute(sql`
    select s.id from subscriptions s join subscription_periods p on p.subscription_id = s.id
    where s.status in ('active', 'trial') and p.revoked_at is null
    group by s.id, s.ends_at having max(p.ends_at) <> s.ends_at`);
  expect(Array.isArray(drift) ? drift : (drift as { rows: unknown[] }).rows).toEqual([]);
});
afterAll(() => t.database.close());

/** A buyer who bought the same 30-day plan `times` times, one purchase right after another. */
async function stackedBuyer(times: number) {
  const user = await upsertTelegramUser(t.core, { telegramId: telegramId++, firstName: "P" });
  const product = await createProduct(t.core, admin, month);
  const orders = [];
  for (let i = 0; i < times; i++) {
    const order = await createOrder(t.core, {
      userId: user.id,
      productId: product.id,
      currency: "XTR",
      provider: "stars",
    });
    const settled = await settlePayment(t.core, {
      provider: "stars",
      providerPaymentId: `stack-${order.id}`,
      orderId: order.id,
      amount: order.amount,
      currency: order.currency,
      eventType: "successful_payment",
      raw: {},
    });
    if (settled.outcome !== "settled" || settled.grant.kind !== "plan") throw new Error("not settled");
    orders.push({ order, subscriptionId: settled.grant.subscriptionId });
  }
  return { user, orders, start: t.clock.now() };
}

const planOf = async (id: string) =>
  (await t.core.db.select().from(subscriptions).where(eq(subscriptions.id, id)))[0];
const refund = (orderId: string) => refundOrder(t.core, admin, { orderId }, async () => {});

describe("stacked plan purchases", () => {
  it("share one plan whose end is the sum of the periods bought", async () => {
    const { orders, start } = await stackedBuyer(2);
    expect(orders[0]?.subscriptionId).toBe(orders[1]?.subscriptionId);
    const plan = await planOf(orders[0]?.subscriptionId ?? "");
    expect(plan?.endsAt).toEqual(new Date(start.getTime() + 60 * DAY));
  });

  it("a refund of the first takes back only its 30 days: the plan ends 30 days after the start", async () => {
    const { orders, start } = await stackedBuyer(2);
    const [first, second] = orders;
    if (!first || !second) throw new Error("no orders");
    t.clock.advance(5 * DAY);
    const { reversal } = await refund(first.order.id);
    expect(reversal).toMatchObject({ accessEnded: false, planEndsAt: new Date(start.getTime() + 30 * DAY) });
    const plan = await planOf(first.subscriptionId);
    expect(plan).toMatchObject({ status: "active", endsAt: new Date(start.getTime() + 30 * DAY) });
    const periods = await t.core.db
      .select()
      .from(subscriptionPeriods)
      .where(eq(subscriptionPeriods.subscriptionId, first.subscriptionId))
      .orderBy(asc(subscriptionPeriods.startsAt));
    expect(periods.filter((p) => !p.revokedAt)).toMatchObject([
      { orderId: second.order.id, startsAt: start, endsAt: new Date(start.getTime() + 30 * DAY) },
    ]);
  });

  it("a refund of the second leaves the first's 30 days", async () => {
    const { orders, start } = await stackedBuyer(2);
    await refund(orders[1]?.order.id ?? "");
    expect((await planOf(orders[0]?.subscriptionId ?? ""))?.endsAt).toEqual(
      new Date(start.getTime() + 30 * DAY),
    );
  });

  it("refunds of both end the plan now", async () => {
    const { orders } = await stackedBuyer(2);
    t.clock.advance(DAY);
    await refund(orders[0]?.order.id ?? "");
    const { reversal } = await refund(orders[1]?.order.id ?? "");
    expect(reversal.accessEnded).toBe(true);
    expect(await planOf(orders[0]?.subscriptionId ?? "")).toMatchObject({
      status: "cancelled",
      endsAt: t.clock.now(),
    });
  });

  it("the same revocation twice changes nothing, and a refund is refused the second time", async () => {
    const { orders, start } = await stackedBuyer(2);
    const [first] = orders;
    if (!first) throw new Error("no order");
    await refund(first.order.id);
    const before = await planOf(first.subscriptionId);
    await expect(refund(first.order.id)).rejects.toMatchObject({ code: "CONFLICT" });
    t.clock.advance(DAY);
    expect(
      await revokePlanPeriod(t.core.db, t.clock.now(), {
        subscriptionId: first.subscriptionId,
        orderId: first.order.id,
      }),
    ).toEqual({ revoked: 0, endsAt: new Date(start.getTime() + 30 * DAY), ended: false });
    expect(await planOf(first.subscriptionId)).toEqual(before);
  });

  it("a refund after the other order's time is used up ends the plan now", async () => {
    const { orders } = await stackedBuyer(2);
    t.clock.advance(40 * DAY);
    const { reversal } = await refund(orders[1]?.order.id ?? "");
    expect(reversal.accessEnded).toBe(true);
    expect((await planOf(orders[0]?.subscriptionId ?? ""))?.status).toBe("cancelled");
  });
});

describe("purchases settled at once", () => {
  it("stack one after the other, never overlapping", async () => {
    const user = await upsertTelegramUser(t.core, { telegramId: telegramId++, firstName: "C" });
    const product = await createProduct(t.core, admin, month);
    const orders = await Promise.all(
      [1, 2, 3, 4].map(() =>
        createOrder(t.core, { userId: user.id, productId: product.id, currency: "XTR", provider: "stars" }),
      ),
    );
    const start = t.clock.now();
    const settled = await Promise.all(
      orders.map((order) =>
        settlePayment(t.core, {
          provider: "stars",
          providerPaymentId: `race-${order.id}`,
          orderId: order.id,
          amount: order.amount,
          currency: order.currency,
          eventType: "successful_payment",
          raw: {},
        }),
      ),
    );
    const ids = new Set(
      settled.map((s) =>
        s.outcome === "settled" && s.grant.kind === "plan" ? s.grant.subscriptionId : null,
      ),
    );
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    const periods = await t.core.db
      .select()
      .from(subscriptionPeriods)
      .where(eq(subscriptionPeriods.subscriptionId, id ?? ""))
      .orderBy(asc(subscriptionPeriods.startsAt));
    expect(periods.map((p) => p.startsAt.getTime() - start.getTime())).toEqual(
      [0, 30, 60, 90].map((d) => d * DAY),
    );
    expect((await planOf(id ?? ""))?.endsAt).toEqual(new Date(start.getTime() + 120 * DAY));
  });
});

describe("extra days from a promo code", () => {
  it("are the order's time too: its refund takes them back with it", async () => {
    const { user, orders, start } = await stackedBuyer(1);
    const product = await createProduct(t.core, admin, month);
    await createPromo(t.core, admin, { code: `DAYS${user.telegramId}`, kind: "extra_days", value: 5 });
    const order = await createOrder(t.core, {
      userId: user.id,
      productId: product.id,
      currency: "XTR",
      provider: "stars",
      promoCode: `DAYS${user.telegramId}`,
    });
    await settlePayment(t.core, {
      provider: "stars",
      providerPaymentId: `days-${order.id}`,
      orderId: order.id,
      amount: order.amount,
      currency: order.currency,
      eventType: "successful_payment",
      raw: {},
    });
    const id = orders[0]?.subscriptionId ?? "";
    expect((await planOf(id))?.endsAt).toEqual(new Date(start.getTime() + 65 * DAY));
    await refund(order.id);
    expect((await planOf(id))?.endsAt).toEqual(new Date(start.getTime() + 30 * DAY));
  });
});

describe("extendPlan", () => {
  it("grants once per grant key", async () => {
    const user = await upsertTelegramUser(t.core, { telegramId: telegramId++, firstName: "K" });
    const grant = () =>
      extendPlan(t.core.db, t.clock.now(), {
        userId: user.id,
        planCode: "pro",
        title: "Pro",
        periodDays: 30,
        messagesPerPeriod: null,
        grantKey: `test:${user.id}`,
      });
    const first = await grant();
    const again = await grant();
    expect(again).toMatchObject({ id: first.id, endsAt: first.endsAt });
    const periods = await t.core.db
      .select()
      .from(subscriptionPeriods)
      .where(eq(subscriptionPeriods.subscriptionId, first.id));
    expect(periods).toHaveLength(1);
  });

  it("dates a new plan by the caller's clock, as the order that paid for it is", async () => {
    // A server clock ahead of the database's: the plan must not look older than its own order,
    // or describePurchase decides the buyer needs no chat invites.
    const user = await upsertTelegramUser(t.core, { telegramId: telegramId++, firstName: "Q" });
    const ahead = new Date(Date.now() + 40 * DAY);
    const plan = await extendPlan(t.core.db, ahead, {
      userId: user.id,
      planCode: "ahead",
      title: "Ahead",
      periodDays: 30,
      messagesPerPeriod: null,
      grantKey: `test:ahead:${user.id}`,
    });
    expect(plan.createdAt).toEqual(ahead);
    expect(plan.startsAt).toEqual(ahead);
  });
});

describe("plans bought before subscription periods existed", () => {
  /** Turns a buyer's plan into one from before periods: no period, then migration 0017's backfill. */
  async function asBeforePeriods(subscriptionId: string) {
    await t.core.db.delete(subscriptionPeriods).where(eq(subscriptionPeriods.subscriptionId, subscriptionId));
    const backfill = readFileSync(
      new URL("../../db/drizzle/0020_backfill_plan_periods.sql", import.meta.url),
      "utf8",
    );
    await t.core.db.execute(sql.raw(backfill));
  }

  it("get one period covering their time, which an old order's refund takes back", async () => {
    const { orders, start } = await stackedBuyer(1);
    const old = orders[0];
    if (!old) throw new Error("no order");
    await asBeforePeriods(old.subscriptionId);
    const periods = await t.core.db
      .select()
      .from(subscriptionPeriods)
      .where(eq(subscriptionPeriods.subscriptionId, old.subscriptionId));
    expect(periods).toMatchObject([
      { grantKey: `backfill:${old.subscriptionId}`, orderId: null, revokedAt: null },
    ]);
    expect(periods[0]?.endsAt.getTime()).toBe(start.getTime() + 30 * DAY);

    // A newer purchase stacks its own period after the backfilled one.
    const newer = await buyAgain(old.order.userId);
    expect(newer.subscriptionId).toBe(old.subscriptionId);
    expect((await planOf(old.subscriptionId))?.endsAt.getTime()).toBe(start.getTime() + 60 * DAY);

    // The old order (no period of its own) takes back the backfilled time; the newer one's stays.
    const { reversal } = await refund(old.order.id);
    expect(reversal).toMatchObject({ accessEnded: false });
    const plan = await planOf(old.subscriptionId);
    expect(plan?.status).toBe("active");
    expect(plan?.endsAt.getTime()).toBe(start.getTime() + 30 * DAY);

    const { reversal: last } = await refund(newer.order.id);
    expect(last).toMatchObject({ accessEnded: true });
  });

  it("the migration adds no period to a plan that has some", async () => {
    const { orders } = await stackedBuyer(2);
    const id = orders[0]?.subscriptionId ?? "";
    const before = await t.core.db
      .select()
      .from(subscriptionPeriods)
      .where(eq(subscriptionPeriods.subscriptionId, id));
    await asBeforePeriods("00000000-0000-0000-0000-000000000000");
    const after = await t.core.db
      .select()
      .from(subscriptionPeriods)
      .where(eq(subscriptionPeriods.subscriptionId, id));
    expect(after).toEqual(before);
  });
});

/** One more purchase of the same plan by an existing buyer. */
async function buyAgain(userId: string) {
  const created = await createProduct(t.core, admin, month);
  const order = await createOrder(t.core, {
    userId,
    productId: created.id,
    currency: "XTR",
    provider: "stars",
  });
  const settled = await settlePayment(t.core, {
    provider: "stars",
    providerPaymentId: `again-${order.id}`,
    orderId: order.id,
    amount: order.amount,
    currency: order.currency,
    eventType: "successful_payment",
    raw: {},
  });
  if (settled.outcome !== "settled" || settled.grant.kind !== "plan") throw new Error("not settled");
  return { order, subscriptionId: settled.grant.subscriptionId };
}
