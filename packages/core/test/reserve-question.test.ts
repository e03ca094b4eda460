import { assistantTrials, creditLedger, messagesLog, subscriptions } from "@lumen/db";
import { findLedgerMismatches } from "@lumen/testkit";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { reserveQuestion } from "../src/assistant/reserve-question.ts";
import {
  type AssistantConfig,
  changeCredits,
  cliActor,
  extendPlan,
  startTrial,
  updateUser,
  upsertTelegramUser,
} from "../src/index.ts";
import { createTestCore } from "./support.ts";

/** The reservation is one SQL statement (reserve-question-sql.ts); these pin the rules it keeps. */
const config: AssistantConfig = {
  trialMessages: 1,
  trialDays: 7,
  models: [{ id: "mini", price: 2 }],
  defaultModel: "mini",
  contextTurns: 2,
  reservationTimeoutMs: 60_000,
};

let t: Awaited<ReturnType<typeof createTestCore>>;
let telegramId = 31_000;
const newUser = async () =>
  (await upsertTelegramUser(t.core, { telegramId: telegramId++, firstName: "R" })).id;
const reserve = (userId: string, question: string) =>
  reserveQuestion(t.core, config, { userId, question, channel: "api" });
const grant = (userId: string, delta: number) =>
  changeCredits(t.core.db, { userId, delta, reason: "purchase", idempotencyKey: `grant:${userId}:${delta}` });
const plan = (userId: string, planCode: string) =>
  extendPlan(t.core.db, t.clock.now(), {
    userId,
    planCode,
    title: planCode,
    periodDays: 30,
    messagesPerPeriod: 1,
    grantKey: `test:${userId}:${planCode}`,
  });

beforeAll(async () => {
  t = await createTestCore();
});
afterEach(async () => {
  expect(await findLedgerMismatches(t.core.db)).toEqual([]);
});
afterAll(async () => {
  await t.database.close();
});

describe("reserveQuestion in one statement", () => {
  it("takes concurrent questions from each plan once, then the trial, then credits, and never more", async () => {
    const userId = await newUser();
    await plan(userId, "pro");
    await plan(userId, "max");
    await startTrial(t.core, config, userId);
    await grant(userId, 5);
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => reserve(userId, `q${i}`)));
    const sources = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.chargedFrom] : [])).sort();
    expect(sources).toEqual(["credits", "credits", "plan", "plan", "trial"]);
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused.map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(["INSUFFICIENT_CREDITS"]);

    const plans = await t.core.db.select().from(subscriptions).where(eq(subscriptions.userId, userId));
    expect(plans.map((p) => p.usageCount)).toEqual([1, 1]);
    const [trial] = await t.core.db.select().from(assistantTrials).where(eq(assistantTrials.userId, userId));
    expect(trial?.messagesLeft).toBe(0);
    const spends = await t.core.db.select().from(creditLedger).where(eq(creditLedger.userId, userId));
    expect(spends.filter((e) => e.reason === "spend").map((e) => e.delta)).toEqual([-2, -2]);
    const logged = await t.core.db.select().from(messagesLog).where(eq(messagesLog.userId, userId));
    expect(logged).toHaveLength(5);
    expect(logged.every((row) => row.status === "pending")).toBe(true);
    expect(logged.filter((row) => row.chargedFrom === "credits").map((row) => row.costCredits)).toEqual([
      2, 2,
    ]);
    expect(
      logged.filter((row) => row.chargedFrom === "plan").map((row) => row.chargeRef?.endsWith(":0")),
    ).toEqual([true, true]);
  });

  it("takes nothing from a banned user and logs nothing", async () => {
    const userId = await newUser();
    await grant(userId, 4);
    await plan(userId, "pro");
    await updateUser(t.core, cliActor, { userId, isBanned: true });
    await expect(reserve(userId, "hello")).rejects.toMatchObject({ code: "FORBIDDEN" });
    const [sub] = await t.core.db.select().from(subscriptions).where(eq(subscriptions.userId, userId));
    expect(sub?.usageCount).toBe(0);
    const ledger = await t.core.db.select().from(creditLedger).where(eq(creditLedger.userId, userId));
    expect(ledger.map((e) => e.reason)).toEqual(["purchase"]);
    expect(await t.core.db.select().from(messagesLog).where(eq(messagesLog.userId, userId))).toEqual([]);
  });

  it("answers NOT_FOUND for a user who does not exist", async () => {
    await expect(reserve(crypto.randomUUID(), "hello")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
