import { randomBytes } from "node:crypto";
import {
  type Actor,
  type CoreContext,
  cliActor,
  createOrder,
  createProduct,
  createSecretBox,
  getCreditBalance,
  type Outbox,
  type ProductInput,
  recordBotMembership,
  registerBot,
  settlePayment,
  settlePaymentIn,
  upsertTelegramUser,
} from "@lumen/core";
import { orders, payments } from "@lumen/db";
import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMetrics } from "../src/http/metrics.ts";
import { type JobRunner, startJobRunner } from "../src/jobs/job-runner.ts";
import { createJobOutbox } from "../src/jobs/outbox.ts";

/**
 * What follows a settlement is queued by the settlement's own transaction, on the real pg-boss
 * queue (no worker runs here, so queued jobs stay where they can be counted).
 */
let database: TestDatabase;
let runner: JobRunner;
let core: CoreContext;
let telegramId = 70_000;
const admin: Actor = { type: "admin", id: null, role: "admin" };

const creditsPack: ProductInput = {
  title: "100 credits",
  details: { kind: "credits", credits: 100 },
  prices: [{ currency: "XTR", amount: 50 }],
};
const channelPlan: ProductInput = {
  title: "Club month",
  details: { kind: "plan", planCode: "club", periodDays: 30, channelIds: [-100_123] },
  prices: [{ currency: "XTR", amount: 300 }],
};

beforeAll(async () => {
  database = await createTestDatabase();
  const outbox = createJobOutbox();
  runner = await startJobRunner({
    database,
    logger: pino({ level: "silent" }),
    metrics: createMetrics(),
    jobs: [],
    work: false,
    outbox,
  });
  core = { db: database.db, clock: { now: () => new Date() }, outbox };
  const bot = await registerBot(core, cliActor, createSecretBox(randomBytes(32)), {
    token: "4242:AAHoutboxTestTokenOutboxTestToken0000",
    me: { id: 4242, username: "outbox_bot", firstName: "Outbox" },
  });
  await recordBotMembership(core, {
    botId: bot.id,
    chat: { id: -100_123, title: "Club", type: "supergroup" },
    status: "administrator",
    canInviteUsers: true,
    canRestrictMembers: true,
    changedAt: new Date(),
  });
});
afterAll(async () => {
  await runner.stop();
  await database.close();
});

async function pendingOrder(input: ProductInput) {
  const user = await upsertTelegramUser(core, { telegramId: telegramId++, firstName: "B" });
  const product = await createProduct(core, admin, input);
  const order = await createOrder(core, {
    userId: user.id,
    productId: product.id,
    currency: "XTR",
    provider: "stars",
  });
  return { user, order };
}

const paymentOf = (order: { id: string; amount: number }, id: string) => ({
  provider: "stars" as const,
  providerPaymentId: id,
  orderId: order.id,
  amount: order.amount,
  currency: "XTR",
  eventType: "successful_payment",
  raw: { id },
});

/** The follow-up jobs queued for an order, by job name. */
async function jobsOf(orderId: string) {
  const found: Record<string, Array<Record<string, unknown>>> = {};
  for (const name of ["payments.send-notices", "access.issue-chat-invites"]) {
    const jobs = await runner.boss.findJobs(name, { data: { orderId } });
    if (jobs.length) found[name] = jobs.map((j) => j.data as Record<string, unknown>);
  }
  return found;
}

describe("follow-up jobs of a settlement (transactional outbox)", () => {
  it("exist if and only if the settlement commits, and a repeated payment queues nothing new", async () => {
    const { order } = await pendingOrder(channelPlan);
    await expect(
      core.db.transaction(async (tx) => {
        expect((await settlePaymentIn(core, tx, paymentOf(order, `rb-${order.id}`))).outcome).toBe("settled");
        throw new Error("rolled back after settling");
      }),
    ).rejects.toThrow("rolled back");
    expect(await jobsOf(order.id)).toEqual({});

    const results = await Promise.all(
      Array.from({ length: 5 }, () => settlePayment(core, paymentOf(order, `ok-${order.id}`))),
    );
    expect(results.filter((r) => r.outcome === "settled")).toHaveLength(1);
    const [payment] = await database.db.select().from(payments).where(eq(payments.orderId, order.id));
    expect(await jobsOf(order.id)).toEqual({
      "payments.send-notices": [{ orderId: order.id, outcome: "settled", ref: payment?.id }],
      "access.issue-chat-invites": [{ orderId: order.id }],
    });
    expect((await settlePayment(core, paymentOf(order, `ok-${order.id}`))).outcome).toBe("already_settled");
    expect(Object.values(await jobsOf(order.id)).flat()).toHaveLength(2);
  });

  it("queues a mismatch notice once however often the mismatched payment is delivered", async () => {
    const { order } = await pendingOrder(creditsPack);
    for (let i = 0; i < 3; i++)
      expect(
        (await settlePayment(core, { ...paymentOf(order, `short-${order.id}`), amount: 1 })).outcome,
      ).toBe("mismatch");
    expect(await jobsOf(order.id)).toEqual({
      "payments.send-notices": [{ orderId: order.id, outcome: "mismatch", ref: `stars:short-${order.id}` }],
    });
  });

  it("rolls the settlement back when queuing fails, so the retry settles and queues", async () => {
    const { order, user } = await pendingOrder(creditsPack);
    let failures = 1;
    const flaky: Outbox = {
      async send(db, job) {
        if (failures-- > 0) throw new Error("the queue is unreachable");
        await core.outbox.send(db, job);
      },
    };
    await expect(
      settlePayment({ ...core, outbox: flaky }, paymentOf(order, `f-${order.id}`)),
    ).rejects.toThrow("unreachable");
    // Nothing happened: no payment, order still pending, no credits; so the retry is not "already settled".
    expect(await database.db.select().from(payments).where(eq(payments.orderId, order.id))).toEqual([]);
    const [pending] = await database.db.select().from(orders).where(eq(orders.id, order.id));
    expect(pending?.status).toBe("pending");
    expect(await getCreditBalance(core.db, user.id)).toBe(0);

    expect((await settlePayment({ ...core, outbox: flaky }, paymentOf(order, `f-${order.id}`))).outcome).toBe(
      "settled",
    );
    expect(await getCreditBalance(core.db, user.id)).toBe(100);
    expect(Object.keys(await jobsOf(order.id))).toEqual(["payments.send-notices"]);
  });
});
