import { randomUUID } from "node:crypto";
import { bots } from "@lumen/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Actor,
  checkOrderPayable,
  createOrder,
  createProduct,
  getProductForBuyer,
  isOfferOpenTo,
  listProductsForBuyer,
  settlePayment,
  upsertTelegramUser,
} from "../src/index.ts";
import { createTestCore } from "./support.ts";

/**
 * The newcomer-only offer: a product flagged for first purchases is listed and sold to people who
 * never paid, hidden from them once they have paid, and refused at order creation with a reason.
 */
let t: Awaited<ReturnType<typeof createTestCore>>;
const admin: Actor = { type: "admin", id: null, role: "admin" };
const botId = randomUUID();
let welcomeId: string;
let packId: string;
let courseId: string;

beforeAll(async () => {
  t = await createTestCore();
  // A shop bot without courses: the catalog it lists is also what it sells.
  await t.core.db.insert(bots).values({
    id: botId,
    telegramId: 91_000,
    username: "newcomer_bot",
    name: "Newcomer",
    tokenEncrypted: "x",
    webhookSecret: "s",
    features: ["shop"],
  });
  welcomeId = (
    await createProduct(t.core, admin, {
      title: "Welcome pack",
      newcomersOnly: true,
      details: { kind: "credits", credits: 50 },
      prices: [{ currency: "XTR", amount: 10 }],
    })
  ).id;
  packId = (
    await createProduct(t.core, admin, {
      title: "Regular pack",
      details: { kind: "credits", credits: 50 },
      prices: [{ currency: "XTR", amount: 40 }],
    })
  ).id;
  courseId = (
    await createProduct(t.core, admin, {
      title: "A course this bot does not teach",
      details: { kind: "course", courseCode: "not-here", tariff: "BASIC" },
      prices: [{ currency: "XTR", amount: 100 }],
    })
  ).id;
});
afterAll(() => t.database.close());

const visible = async (userId: string) =>
  (await listProductsForBuyer(t.core.db, { userId, botId })).map((p) => p.id);

async function buy(userId: string, productId: string) {
  const order = await createOrder(t.core, { userId, productId, currency: "XTR", provider: "stars" });
  await settlePayment(t.core, {
    provider: "stars",
    providerPaymentId: `pay-${order.id}`,
    orderId: order.id,
    amount: order.amount,
    currency: order.currency,
    eventType: "test",
    raw: {},
  });
}

describe("newcomer-only offer", () => {
  it("is offered before the first purchase, hidden and refused after it", async () => {
    const ann = await upsertTelegramUser(t.core, { telegramId: 91_001, firstName: "Ann" });
    const ben = await upsertTelegramUser(t.core, { telegramId: 91_002, firstName: "Ben" });
    expect(await visible(ann.id)).toEqual([welcomeId, packId]);

    await buy(ann.id, welcomeId);
    expect(await visible(ann.id)).toEqual([packId]);
    await expect(
      createOrder(t.core, { userId: ann.id, productId: welcomeId, currency: "XTR", provider: "stars" }),
    ).rejects.toMatchObject({ code: "CONFLICT", details: { field: "product_id", reason: "newcomers_only" } });
    // Other products stay on sale to her, and the offer stays open to someone who never paid.
    await expect(
      createOrder(t.core, { userId: ann.id, productId: packId, currency: "XTR", provider: "stars" }),
    ).resolves.toMatchObject({ status: "pending" });
    expect(await visible(ben.id)).toEqual([welcomeId, packId]);
    const welcome = (await listProductsForBuyer(t.core.db, { userId: ben.id, botId })).find(
      (p) => p.id === welcomeId,
    );
    expect(welcome?.newcomersOnly).toBe(true);
    expect(welcome && (await isOfferOpenTo(t.core.db, { userId: ben.id, product: welcome }))).toBe(true);
  });

  it("is refused at payment to a buyer who paid for something else after ordering it", async () => {
    const cy = await upsertTelegramUser(t.core, { telegramId: 91_003, firstName: "Cy" });
    const welcome = await createOrder(t.core, {
      userId: cy.id,
      productId: welcomeId,
      currency: "XTR",
      provider: "stars",
    });
    const payable = () =>
      checkOrderPayable(t.core, { orderId: welcome.id, telegramUserId: 91_003, currency: "XTR", amount: 10 });
    expect(await payable()).toEqual({ ok: true });
    await buy(cy.id, packId);
    expect(await payable()).toEqual({ ok: false, reason: "newcomers_only" });
  });

  it("opens one product to a buyer by the catalog's rule: a newcomer-only one is not found after a purchase", async () => {
    const dee = await upsertTelegramUser(t.core, { telegramId: 91_004, firstName: "Dee" });
    const open = (userId: string | undefined, productId: string) =>
      getProductForBuyer(t.core.db, { userId, botId, productId });
    await expect(open(dee.id, welcomeId)).resolves.toMatchObject({ id: welcomeId });
    await expect(open(undefined, welcomeId)).resolves.toMatchObject({ id: welcomeId });
    await buy(dee.id, packId);
    await expect(open(dee.id, welcomeId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(open(dee.id, packId)).resolves.toMatchObject({ id: packId });
    // What this bot does not sell is not found either, as the catalog does not list it.
    await expect(open(undefined, courseId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
