import { randomBytes } from "node:crypto";
import { orders } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Actor,
  cliActor,
  createProduct,
  createSecretBox,
  type InvoiceSpec,
  type ProductInput,
  registerBot,
  startPurchase,
  upsertTelegramUser,
} from "../src/index.ts";
import type { PurchaseClient, PurchaseDeps } from "../src/payments/start-purchase.ts";
import { createTestCore, queuedJobs } from "./support.ts";

let t: Awaited<ReturnType<typeof createTestCore>>;
let telegramId = 80_000;
const admin: Actor = { type: "admin", id: null, role: "admin" };

/** Telegram's side of invoice links, as a fake of that boundary: it records what it was asked. */
const links: InvoiceSpec[] = [];
const deps: PurchaseDeps = {
  invoiceLinks: {
    async createInvoiceLink(invoice) {
      links.push(invoice);
      return `https://t.me/$invoice-${links.length}`;
    },
  },
  yookassa: undefined,
  telegramPayments: false,
  mockPayments: true,
};

const monthPlan: ProductInput = {
  title: "Club month",
  details: { kind: "plan", planCode: "club", periodDays: 30 },
  prices: [{ currency: "XTR", amount: 300 }],
};
const creditsPack: ProductInput = {
  title: "100 credits",
  description: "Credits for the assistant",
  details: { kind: "credits", credits: 100 },
  prices: [
    { currency: "XTR", amount: 50 },
    { currency: "RUB", amount: 9900 },
  ],
};

beforeAll(async () => {
  t = await createTestCore();
});
afterAll(() => t.database.close());

async function buyer() {
  return upsertTelegramUser(t.core, { telegramId: telegramId++, firstName: "B" });
}

const start = async (productId: string, userId: string, client: PurchaseClient) =>
  startPurchase(t.core, deps, { userId, productId, currency: "XTR", provider: "stars", client });

describe("startPurchase: one verb decides how a product is paid", () => {
  it("refuses Stars with no bot to issue the invoice, before any order is made", async () => {
    const user = await buyer();
    const product = await createProduct(t.core, admin, creditsPack);
    await expect(start(product.id, user.id, "app")).rejects.toMatchObject({
      code: "CONFLICT",
      details: { field: "bot_id" },
    });
    expect(await t.core.db.select().from(orders).where(eq(orders.userId, user.id))).toEqual([]);
  });

  it("sells a 30-day Stars plan as a Star subscription from the bot and from an app alike", async () => {
    await registerBot(t.core, cliActor, createSecretBox(randomBytes(32)), {
      token: "4242:AAHstartPurchaseTestTokenStartPurchase",
      me: { id: 4242, username: "shop_bot", firstName: "Shop" },
    });
    const product = await createProduct(t.core, admin, monthPlan);
    const fromChat = await start(product.id, (await buyer()).id, "chat");
    const fromApp = await start(product.id, (await buyer()).id, "app");
    expect(fromChat.kind).toBe("star_subscription_link");
    expect(fromApp.kind).toBe(fromChat.kind);
    expect(links.slice(-2)).toMatchObject([
      {
        currency: "XTR",
        prices: [{ amount: 300 }],
        subscriptionPeriod: 2_592_000,
        payload: fromChat.order.id,
      },
      {
        currency: "XTR",
        prices: [{ amount: 300 }],
        subscriptionPeriod: 2_592_000,
        payload: fromApp.order.id,
      },
    ]);
  });

  it("sells anything else in Stars as an invoice in the chat and the same invoice as a link elsewhere", async () => {
    const product = await createProduct(t.core, admin, creditsPack);
    const fromChat = await start(product.id, (await buyer()).id, "chat");
    const fromApp = await start(product.id, (await buyer()).id, "app");
    expect(fromChat).toMatchObject({
      kind: "invoice",
      invoice: {
        title: "100 credits",
        description: "Credits for the assistant",
        currency: "XTR",
        prices: [{ label: "100 credits", amount: 50 }],
        payload: fromChat.order.id,
      },
    });
    expect(fromApp).toMatchObject({ kind: "invoice_link", url: expect.stringMatching(/^https:\/\/t\.me\//) });
    expect(links.at(-1)).toMatchObject({ prices: [{ amount: 50 }], payload: fromApp.order.id });
    expect(links.at(-1)).not.toHaveProperty("subscriptionPeriod");
  });

  it("refuses a provider this installation does not offer, and queues the mock payment when it does", async () => {
    const user = await buyer();
    const product = await createProduct(t.core, admin, creditsPack);
    for (const provider of ["yookassa", "telegram"] as const) {
      await expect(
        startPurchase(t.core, deps, {
          userId: user.id,
          productId: product.id,
          currency: "RUB",
          provider,
          client: "app",
        }),
      ).rejects.toMatchObject({ code: "CONFLICT", details: { field: "provider" } });
    }
    const mock = await startPurchase(t.core, deps, {
      userId: user.id,
      productId: product.id,
      currency: "RUB",
      provider: "mock",
      client: "chat",
    });
    expect(mock).toMatchObject({ kind: "mock", settlesInSeconds: 3 });
    expect(await queuedJobs(t.core.db)).toContainEqual({
      name: "payments.mock-settle",
      key: mock.order.id,
      payload: { orderId: mock.order.id },
    });
  });
});
