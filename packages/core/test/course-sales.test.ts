import { randomBytes } from "node:crypto";
import { courseEnrollments, type EnrollmentStatus } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Actor,
  checkOrderPayable,
  cliActor,
  createCourse,
  createOrder,
  createProduct,
  createSecretBox,
  listCourseUpgrades,
  registerBot,
  settlePayment,
  updateProduct,
  upsertTelegramUser,
} from "../src/index.ts";
import { createTestCore } from "./support.ts";

/** Selling a course: upgrades offered at the difference, and only through bots that teach courses. */
let t: Awaited<ReturnType<typeof createTestCore>>;
const owner: Actor = { type: "admin", id: null, role: "owner" };
const box = createSecretBox(randomBytes(32));

beforeAll(async () => {
  t = await createTestCore();
});
afterAll(() => t.database.close());

async function courseWithTariffs(code: string) {
  await createCourse(t.core, owner, { code, title: code, status: "published" });
  const tariff = (name: "BASIC" | "FEEDBACK" | "PREMIUM", prices: Array<["XTR" | "RUB", number]>) =>
    createProduct(t.core, owner, {
      title: `${code} ${name}`,
      details: { kind: "course", courseCode: code, tariff: name },
      prices: prices.map(([currency, amount]) => ({ currency, amount })),
    });
  return {
    basic: await tariff("BASIC", [
      ["XTR", 100],
      ["RUB", 10_000],
    ]),
    feedback: await tariff("FEEDBACK", [
      ["XTR", 250],
      ["RUB", 25_000],
    ]),
    // Priced in Stars only, and at no more than FEEDBACK's price in RUB: never offered in RUB.
    premium: await tariff("PREMIUM", [["XTR", 600]]),
  };
}

async function buy(userId: string, productId: string, botId: string | null = null) {
  const order = await createOrder(t.core, { userId, productId, currency: "XTR", provider: "stars", botId });
  await settlePayment(t.core, {
    provider: "stars",
    providerPaymentId: `sale-${order.id}`,
    orderId: order.id,
    amount: order.amount,
    currency: "XTR",
    eventType: "successful_payment",
    raw: {},
  });
  return order;
}

describe("course upgrades", () => {
  it("offers each higher tariff at the difference the order will charge, and nothing from the top", async () => {
    const { basic, feedback, premium } = await courseWithTariffs("upgrades");
    const user = await upsertTelegramUser(t.core, { telegramId: 81_001, firstName: "Up" });
    expect(await listCourseUpgrades(t.core.db, { userId: user.id, courseCode: "upgrades" })).toEqual([]);
    await buy(user.id, basic.id);
    expect(await listCourseUpgrades(t.core.db, { userId: user.id, courseCode: "upgrades" })).toEqual([
      { productId: feedback.id, tariff: "FEEDBACK", currency: "XTR", amount: 150 },
      { productId: feedback.id, tariff: "FEEDBACK", currency: "RUB", amount: 15_000 },
      { productId: premium.id, tariff: "PREMIUM", currency: "XTR", amount: 500 },
    ]);
    const upgrade = await buy(user.id, feedback.id);
    expect(upgrade.amount).toBe(150);
    expect(await listCourseUpgrades(t.core.db, { userId: user.id, courseCode: "upgrades" })).toEqual([
      { productId: premium.id, tariff: "PREMIUM", currency: "XTR", amount: 350 },
    ]);
    await buy(user.id, premium.id);
    expect(await listCourseUpgrades(t.core.db, { userId: user.id, courseCode: "upgrades" })).toEqual([]);
  });
});

/** The place's status, as a completion or a pause would set it (the fixture skips the lessons). */
const setPlaceStatus = (userId: string, courseCode: string, status: EnrollmentStatus) =>
  t.core.db
    .update(courseEnrollments)
    .set({ status })
    .where(and(eq(courseEnrollments.userId, userId), eq(courseEnrollments.courseCode, courseCode)));

describe("course upgrades are decided in core and checked again at payment", () => {
  it("offers and sells an upgrade only of an active place", async () => {
    const { basic, feedback } = await courseWithTariffs("active-only");
    const user = await upsertTelegramUser(t.core, { telegramId: 81_010, firstName: "Done" });
    await buy(user.id, basic.id);
    for (const status of ["completed", "paused"] as const) {
      await setPlaceStatus(user.id, "active-only", status);
      expect(await listCourseUpgrades(t.core.db, { userId: user.id, courseCode: "active-only" })).toEqual([]);
      await expect(
        createOrder(t.core, { userId: user.id, productId: feedback.id, currency: "XTR", provider: "stars" }),
      ).rejects.toMatchObject({ code: "CONFLICT", details: { field: "product_id" } });
    }
    await setPlaceStatus(user.id, "active-only", "active");
    expect(
      (await listCourseUpgrades(t.core.db, { userId: user.id, courseCode: "active-only" })).map(
        (u) => u.tariff,
      ),
    ).toEqual(["FEEDBACK", "FEEDBACK", "PREMIUM"]);
  });

  it("refuses to take the payment once the place left the tariff the upgrade was priced from, or the difference changed", async () => {
    const { basic, feedback, premium } = await courseWithTariffs("recheck");
    const telegramId = 81_011;
    const user = await upsertTelegramUser(t.core, { telegramId, firstName: "Payer" });
    await buy(user.id, basic.id);
    const order = (productId: string) =>
      createOrder(t.core, { userId: user.id, productId, currency: "XTR", provider: "stars" });
    const payable = (o: { id: string; amount: number }) =>
      checkOrderPayable(t.core, {
        orderId: o.id,
        telegramUserId: telegramId,
        currency: "XTR",
        amount: o.amount,
      });

    const toPremium = await order(premium.id);
    expect(toPremium).toMatchObject({ amount: 500, upgradeFrom: "BASIC" });
    expect(await payable(toPremium)).toEqual({ ok: true });

    // The difference moves with the tariffs' prices: the invoice's amount no longer holds.
    await updateProduct(t.core, owner, premium.id, { prices: [{ currency: "XTR", amount: 700 }] });
    expect(await payable(toPremium)).toEqual({ ok: false, reason: "mismatch" });
    await updateProduct(t.core, owner, premium.id, { prices: [{ currency: "XTR", amount: 600 }] });
    expect(await payable(toPremium)).toEqual({ ok: true });

    // A place no longer active cannot be upgraded, whatever the order said.
    await setPlaceStatus(user.id, "recheck", "completed");
    expect(await payable(toPremium)).toEqual({ ok: false, reason: "upgrade_changed" });
    await setPlaceStatus(user.id, "recheck", "active");

    // Upgraded meanwhile by another order: this one was priced from BASIC, the place is at FEEDBACK.
    await buy(user.id, feedback.id);
    expect(await payable(toPremium)).toEqual({ ok: false, reason: "upgrade_changed" });
    const again = await order(premium.id);
    expect(again).toMatchObject({ amount: 350, upgradeFrom: "FEEDBACK" });
    expect(await payable(again)).toEqual({ ok: true });
  });

  it("refuses a new place's order once the buyer got a place on the course another way", async () => {
    const { basic, feedback } = await courseWithTariffs("new-place");
    const telegramId = 81_012;
    const user = await upsertTelegramUser(t.core, { telegramId, firstName: "Twice" });
    const fresh = await createOrder(t.core, {
      userId: user.id,
      productId: feedback.id,
      currency: "XTR",
      provider: "stars",
    });
    expect(fresh).toMatchObject({ amount: 250, upgradeFrom: null });
    await buy(user.id, basic.id);
    expect(
      await checkOrderPayable(t.core, {
        orderId: fresh.id,
        telegramUserId: telegramId,
        currency: "XTR",
        amount: 250,
      }),
    ).toEqual({ ok: false, reason: "upgrade_changed" });
  });
});

describe("the courses feature of a bot", () => {
  it("refuses a course order through a bot with courses off, and sells it through one with them on", async () => {
    const { basic } = await courseWithTariffs("per-bot");
    const bot = (id: number, features: Array<"assistant" | "courses">) =>
      registerBot(t.core, cliActor, box, {
        token: `${id}:${"B".repeat(35)}`,
        me: { id, username: `bot_${id}`, firstName: "Bot" },
        features,
      });
    const sales = await bot(9_001, ["assistant"]);
    const school = await bot(9_002, ["assistant", "courses"]);
    const user = await upsertTelegramUser(t.core, { telegramId: 81_002, firstName: "Buyer" });
    await expect(buy(user.id, basic.id, sales.id)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This bot does not sell courses",
      details: { field: "product_id" },
    });
    expect((await buy(user.id, basic.id, school.id)).amount).toBe(100);
    // A new bot teaches courses unless told otherwise.
    const plain = await registerBot(t.core, cliActor, box, {
      token: `9003:${"C".repeat(35)}`,
      me: { id: 9_003, username: "bot_9003", firstName: "Bot" },
    });
    expect(plain.features).toEqual(["assistant", "courses"]);
  });
});
