import { creditLedger } from "@lumen/db";
import { findLedgerMismatches, findOrderMismatches } from "@lumen/testkit";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type Actor,
  changeCredits,
  createOrder,
  createProduct,
  getCreditBalance,
  getOrder,
  type ProviderRefund,
  refundOrder,
  resumeRefunds,
  settlePayment,
  upsertTelegramUser,
} from "../src/index.ts";
import { createTestCore, queuedJobs } from "./support.ts";

let t: Awaited<ReturnType<typeof createTestCore>>;
let telegramId = 60_000;
const admin: Actor = { type: "admin", id: null, role: "admin" };
const onPostgres = !!process.env.TEST_DATABASE_URL;

beforeAll(async () => {
  t = await createTestCore();
  // A crash inside the reversal, simulated in the database: while a row is in test_faults, an
  // order cannot become refunded (the transaction that tries fails, as a killed process would).
  await t.core.db.execute(sql`create table test_faults (name text primary key)`);
  await t.core.db.execute(
    sql.raw(`create function test_fail_refund() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from test_faults where name = 'refund') then raise exception 'simulated crash'; end if;
        return new;
      end $$`),
  );
  await t.core.db.execute(
    sql.raw(`create trigger test_fail_refund before update on orders for each row
      when (new.status = 'refunded') execute function test_fail_refund()`),
  );
});
afterEach(async () => {
  expect(await findLedgerMismatches(t.core.db)).toEqual([]);
  expect(await findOrderMismatches(t.core.db)).toEqual([]);
});
afterAll(() => t.database.close());

async function paidCredits(credits = 100) {
  const user = await upsertTelegramUser(t.core, { telegramId: telegramId++, firstName: "R" });
  const product = await createProduct(t.core, admin, {
    title: `${credits} credits`,
    details: { kind: "credits", credits },
    prices: [{ currency: "XTR", amount: 50 }],
  });
  const order = await createOrder(t.core, {
    userId: user.id,
    productId: product.id,
    currency: "XTR",
    provider: "stars",
  });
  const settled = await settlePayment(t.core, {
    provider: "stars",
    providerPaymentId: `charge-${order.id}`,
    orderId: order.id,
    amount: order.amount,
    currency: "XTR",
    eventType: "successful_payment",
    raw: {},
  });
  expect(settled.outcome).toBe("settled");
  return { user, order };
}

/** The provider's side, as a fake of that boundary: it records each refund it was asked for. */
function countingProvider() {
  const asked: string[] = [];
  const refund: ProviderRefund = async (_order, payment) => {
    asked.push(payment.providerPaymentId);
  };
  return { asked, refund };
}

const reversals = (userId: string) =>
  t.core.db
    .select()
    .from(creditLedger)
    .where(and(eq(creditLedger.userId, userId), eq(creditLedger.reason, "reversal")));

async function crashOnce<T>(run: () => Promise<T>) {
  await t.core.db.execute(sql`insert into test_faults (name) values ('refund')`);
  try {
    const error = await run().then(
      () => undefined,
      (e: unknown) => e as Error & { cause?: Error },
    );
    expect(String(error?.cause?.message ?? error?.message)).toContain("simulated crash");
  } finally {
    await t.core.db.execute(sql`delete from test_faults`);
  }
}

describe("refunds are recorded first and finished by a retry", () => {
  it("a crash after the provider refunded: the retry settles it without asking the provider again", async () => {
    const { user, order } = await paidCredits();
    const provider = countingProvider();
    await crashOnce(() => refundOrder(t.core, admin, { orderId: order.id }, provider.refund));
    expect(provider.asked).toHaveLength(1);
    expect((await getOrder(t.core.db, order.id)).status).toBe("paid");

    const result = await refundOrder(t.core, admin, { orderId: order.id }, provider.refund);
    expect(result.reversal).toEqual({ creditsTaken: 100, creditsSpent: 0 });
    expect(provider.asked).toHaveLength(1);
    expect((await getOrder(t.core.db, order.id)).status).toBe("refunded");
    expect(await getCreditBalance(t.core.db, user.id)).toBe(0);
    expect(await reversals(user.id)).toHaveLength(1);
    const notices = (await queuedJobs(t.core.db)).filter(
      (j) => j.name === "payments.send-notices" && j.payload.orderId === order.id,
    );
    expect(notices.map((j) => j.payload.outcome)).toEqual(["settled", "refunded"]);
    await expect(refundOrder(t.core, admin, { orderId: order.id }, provider.refund)).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("the job that sweeps stuck refunds finishes a half-done one exactly once", async () => {
    const { user, order } = await paidCredits();
    const provider = countingProvider();
    await crashOnce(() => refundOrder(t.core, admin, { orderId: order.id }, provider.refund));
    const swept = await Promise.all([
      resumeRefunds(t.core, provider.refund, { olderThanMs: 0 }),
      resumeRefunds(t.core, provider.refund, { olderThanMs: 0 }),
    ]);
    expect(swept.reduce((n, s) => n + s.settled, 0)).toBe(1);
    expect(provider.asked).toHaveLength(1);
    expect((await getOrder(t.core.db, order.id)).status).toBe("refunded");
    expect(await reversals(user.id)).toHaveLength(1);
    expect(await resumeRefunds(t.core, provider.refund, { olderThanMs: 0 })).toMatchObject({ settled: 0 });
  });

  it("a provider error leaves the refund to retry, and the retry asks the provider again", async () => {
    const { order } = await paidCredits();
    let down = true;
    const asked: string[] = [];
    const flaky: ProviderRefund = async (_o, payment) => {
      asked.push(payment.providerPaymentId);
      if (down) throw new Error("provider down");
    };
    await expect(refundOrder(t.core, admin, { orderId: order.id }, flaky)).rejects.toThrow("provider down");
    expect((await getOrder(t.core.db, order.id)).status).toBe("paid");
    down = false;
    await refundOrder(t.core, admin, { orderId: order.id }, flaky);
    expect(asked).toHaveLength(2);
    expect((await getOrder(t.core.db, order.id)).status).toBe("refunded");
  });

  it.runIf(onPostgres)(
    "a spend racing the refund cannot leave the money returned and the order paid",
    async () => {
      const { user, order } = await paidCredits();
      const provider = countingProvider();
      let refund: Promise<unknown> | undefined;
      await t.core.db.transaction(async (tx) => {
        // The buyer spends 30 while the refund runs: the spend holds the balance row until it commits.
        await changeCredits(tx, {
          userId: user.id,
          delta: -30,
          reason: "spend",
          idempotencyKey: `spend-${order.id}`,
        });
        refund = refundOrder(t.core, admin, { orderId: order.id, force: true }, provider.refund);
        refund.catch(() => undefined);
        await vi.waitFor(
          async () => {
            const waiting = await t.database.query(
              "select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
            );
            expect(waiting.length).toBeGreaterThan(0);
          },
          { timeout: 15_000, interval: 50 },
        );
      });
      await expect(refund).resolves.toMatchObject({ reversal: { creditsTaken: 70, creditsSpent: 30 } });
      expect(provider.asked).toHaveLength(1);
      expect((await getOrder(t.core.db, order.id)).status).toBe("refunded");
      expect(await getCreditBalance(t.core.db, user.id)).toBe(0);
    },
  );
});
