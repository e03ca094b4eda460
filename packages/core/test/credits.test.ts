import { findLedgerMismatches } from "@lumen/testkit";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  adjustCredits,
  changeCredits,
  cliActor,
  getCreditBalance,
  listCreditLedger,
  upsertTelegramUser,
} from "../src/index.ts";
import { createTestCore } from "./support.ts";

let t: Awaited<ReturnType<typeof createTestCore>>;
let telegramId = 5000;
const newUser = async () =>
  (await upsertTelegramUser(t.core, { telegramId: telegramId++, firstName: "U" })).id;

beforeAll(async () => {
  t = await createTestCore();
});
afterEach(async () => {
  expect(await findLedgerMismatches(t.core.db)).toEqual([]);
});
afterAll(() => t.database.close());

describe("changeCredits", () => {
  it("grants and spends, recording the balance after each change", async () => {
    const userId = await newUser();
    await changeCredits(t.core.db, { userId, delta: 10, reason: "purchase", idempotencyKey: `p:${userId}` });
    const spent = await changeCredits(t.core.db, {
      userId,
      delta: -3,
      reason: "spend",
      idempotencyKey: `s:${userId}`,
    });
    expect(spent).toMatchObject({ delta: -3, balanceAfter: 7, replayed: false });
    expect(await getCreditBalance(t.core.db, userId)).toBe(7);
    const ledger = await listCreditLedger(t.core.db, { userId, limit: 10 });
    expect(ledger.map((e) => [e.reason, e.delta, e.balanceAfter])).toEqual([
      ["spend", -3, 7],
      ["purchase", 10, 10],
    ]);
  });

  it("refuses to spend more than the balance and changes nothing", async () => {
    const userId = await newUser();
    await changeCredits(t.core.db, { userId, delta: 2, reason: "purchase", idempotencyKey: `p:${userId}` });
    await expect(
      changeCredits(t.core.db, { userId, delta: -3, reason: "spend", idempotencyKey: `s:${userId}` }),
    ).rejects.toMatchObject({
      code: "INSUFFICIENT_CREDITS",
    });
    await expect(
      changeCredits(t.core.db, {
        userId: await newUser(),
        delta: -1,
        reason: "spend",
        idempotencyKey: "never",
      }),
    ).rejects.toMatchObject({
      code: "INSUFFICIENT_CREDITS",
    });
    expect(await getCreditBalance(t.core.db, userId)).toBe(2);
  });

  it("applies an idempotency key once, however often and however concurrently it is repeated", async () => {
    const userId = await newUser();
    const key = `purchase:${userId}`;
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        changeCredits(t.core.db, { userId, delta: 100, reason: "purchase", idempotencyKey: key }),
      ),
    );
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await getCreditBalance(t.core.db, userId)).toBe(100);
  });

  it("treats a replayed spend as done even when the balance no longer covers it", async () => {
    const userId = await newUser();
    await changeCredits(t.core.db, { userId, delta: 1, reason: "purchase", idempotencyKey: `p:${userId}` });
    const first = await changeCredits(t.core.db, {
      userId,
      delta: -1,
      reason: "spend",
      idempotencyKey: `s:${userId}`,
    });
    const again = await changeCredits(t.core.db, {
      userId,
      delta: -1,
      reason: "spend",
      idempotencyKey: `s:${userId}`,
    });
    expect(again).toMatchObject({ id: first.id, replayed: true });
    expect(await getCreditBalance(t.core.db, userId)).toBe(0);
  });

  it("refuses a key reused for a different change", async () => {
    const userId = await newUser();
    await changeCredits(t.core.db, { userId, delta: 5, reason: "purchase", idempotencyKey: `k:${userId}` });
    await expect(
      changeCredits(t.core.db, { userId, delta: 6, reason: "purchase", idempotencyKey: `k:${userId}` }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("never lets concurrent spends overdraw", async () => {
    const userId = await newUser();
    await changeCredits(t.core.db, { userId, delta: 20, reason: "purchase", idempotencyKey: `p:${userId}` });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) =>
        changeCredits(t.core.db, { userId, delta: -1, reason: "spend", idempotencyKey: `s:${userId}:${i}` }),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(20);
    expect(await getCreditBalance(t.core.db, userId)).toBe(0);
  });
});

describe("adjustCredits", () => {
  it("is admin-only, audited, and returns the first result for a repeated key", async () => {
    const userId = await newUser();
    const first = await adjustCredits(t.core, cliActor, {
      userId,
      amount: 5,
      reason: "goodwill",
      idempotencyKey: "adj-1",
    });
    const again = await adjustCredits(t.core, cliActor, {
      userId,
      amount: 5,
      reason: "goodwill",
      idempotencyKey: "adj-1",
    });
    expect(again).toMatchObject({ id: first.id, replayed: true, balanceAfter: 5 });
    await expect(
      adjustCredits(
        t.core,
        { type: "admin", id: null, role: "operator" },
        { userId, amount: 5, reason: "x", idempotencyKey: "adj-2" },
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      adjustCredits(t.core, cliActor, {
        userId: "00000000-0000-4000-8000-000000000000",
        amount: 1,
        reason: "x",
        idempotencyKey: "adj-3",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const audits = await t.database.query<{ action: string }>(
      "select action from audit_log where entity_id = $1",
      [userId],
    );
    expect(audits).toEqual([{ action: "credits.adjust" }]);
  });

  it("dates the ledger row by the core's clock, as the orders beside it are", async () => {
    const userId = await newUser();
    const entry = await adjustCredits(t.core, cliActor, {
      userId,
      amount: 3,
      reason: "dated",
      idempotencyKey: "adj-dated",
    });
    expect(entry.createdAt).toEqual(t.clock.now());
  });
});
