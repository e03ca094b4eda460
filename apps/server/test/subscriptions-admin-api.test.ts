import { randomUUID } from "node:crypto";
import { extendPlan, linkStarSubscription, upsertTelegramUser } from "@lumen/core";
import { auditLog } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJobOutbox } from "../src/jobs/outbox.ts";
import { readAllPages, type Sessions, signInEveryRole } from "./support/admin-sessions.ts";
import { readCsvExport } from "./support/csv-parse.ts";
import { createTestApp, type TestApp } from "./support/test-app.ts";

let t: TestApp;
let as: Sessions;
const DAY = 86_400_000;
const bot = randomUUID();
const subs: Record<string, string> = {};

type SubItem = { id: string; ends_at: string; status: string; renews: boolean; user: { first_name: string } };

const get = (url: string, cookie = as.operator) => t.app.inject({ url, headers: { cookie } });
const post = (url: string, payload: unknown, cookie = as.admin) =>
  t.app.inject({
    method: "POST",
    url,
    payload: payload as object,
    headers: { cookie, origin: "http://localhost" },
  });
const idsOf = async (query: string) =>
  (await readAllPages<SubItem>(t, as.operator, `/api/v1/subscriptions?limit=2&${query}`)).items.map(
    (s) => s.id,
  );

beforeAll(async () => {
  t = await createTestApp();
  as = await signInEveryRole(t);
  const db = t.database.db;
  const now = Date.now();
  const plan = async (
    key: string,
    telegramId: number,
    startOffsetDays: number,
    periodDays: number,
    planCode = "pro",
  ) => {
    const user = await upsertTelegramUser(
      { db, clock: { now: () => new Date() }, outbox: createJobOutbox() },
      { telegramId, firstName: key },
    );
    const row = await extendPlan(db, new Date(now + startOffsetDays * DAY), {
      grantKey: `test:${key}`,
      userId: user.id,
      planCode,
      title: planCode === "pro" ? "Pro" : "Club",
      periodDays,
      messagesPerPeriod: null,
      botId: planCode === "club" ? bot : null,
    });
    subs[key] = row.id;
    return row;
  };
  await plan("long", 9_000_001, 0, 60);
  await plan("soon", 9_000_002, 0, 3);
  await plan("tomorrow", 9_000_003, 0, 1, "club");
  await plan("ended", 9_000_004, -40, 30);
  const renewing = await plan("renewing", 9_000_005, 0, 30, "club");
  await linkStarSubscription(db, { subscriptionId: renewing.id, chargeId: "charge-1", now: new Date() });
}, 180_000);
afterAll(() => t.close());

describe("GET /api/v1/subscriptions", () => {
  it("lists every plan by end date in pages with no repeat and no gap", async () => {
    const { items, pages } = await readAllPages<SubItem>(t, as.operator, "/api/v1/subscriptions?limit=2");
    expect(pages).toBe(3);
    expect(items.map((s) => s.id)).toEqual([subs.ended, subs.tomorrow, subs.soon, subs.renewing, subs.long]);
    const desc = await idsOf("sort=ends.desc");
    expect(desc).toEqual([subs.long, subs.renewing, subs.soon, subs.tomorrow, subs.ended]);
  });

  it("filters active, ending within N days, expired, by plan, bot, user and renewal", async () => {
    expect(await idsOf("state=active")).toEqual([subs.tomorrow, subs.soon, subs.renewing, subs.long]);
    expect(await idsOf("state=ending&ending_within_days=2")).toEqual([subs.tomorrow]);
    expect(await idsOf("state=ending")).toEqual([subs.tomorrow, subs.soon]);
    expect(await idsOf("state=expired")).toEqual([subs.ended]);
    expect(await idsOf("plan_code=club")).toEqual([subs.tomorrow, subs.renewing]);
    expect(await idsOf(`bot_id=${bot}`)).toEqual([subs.tomorrow, subs.renewing]);
    expect(await idsOf("renewing=true")).toEqual([subs.renewing]);
    const one = (await get(`/api/v1/subscriptions?state=active&limit=1`)).json().items[0];
    expect(one).toMatchObject({ user: { first_name: "tomorrow" }, renews: false });
  });

  it("answers bad parameters with 400 naming them", async () => {
    for (const [query, field] of [
      ["state=soon", "querystring.state"],
      ["ending_within_days=0", "querystring.ending_within_days"],
      ["user_id=x", "querystring.user_id"],
      ["renewing=maybe", "querystring.renewing"],
    ]) {
      const res = await get(`/api/v1/subscriptions?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
  });

  it("exports the filtered list as CSV", async () => {
    const res = await get("/api/v1/subscriptions/export.csv?state=active");
    expect(res.statusCode).toBe(200);
    const rows = readCsvExport(res.body);
    expect(rows.map((r) => r.id)).toEqual([subs.tomorrow, subs.soon, subs.renewing, subs.long]);
    expect(rows.find((r) => r.id === subs.renewing)).toMatchObject({ renews: "true", plan_code: "club" });
  });
});

describe("changing a plan", () => {
  it("extends a live plan by days (admin), audited; not an ended one", async () => {
    const before = (await idsOf("state=ending")).includes(subs.soon as string);
    expect(before).toBe(true);
    const res = await post(`/api/v1/subscriptions/${subs.soon}/extend`, { days: 30, reason: "outage" });
    expect(res.statusCode).toBe(200);
    expect(await idsOf("state=ending")).toEqual([subs.tomorrow]);
    const ended = await post(`/api/v1/subscriptions/${subs.ended}/extend`, { days: 3, reason: "x" });
    expect(ended.statusCode).toBe(409);
    const noReason = await post(`/api/v1/subscriptions/${subs.soon}/extend`, { days: 3 });
    expect(noReason.json().error.field).toBe("body.reason");
    const zero = await post(`/api/v1/subscriptions/${subs.soon}/extend`, { days: 0, reason: "x" });
    expect(zero.json().error.field).toBe("body.days");
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, subs.soon as string));
    expect(audit).toMatchObject([{ action: "subscription.extend", data: { days: 30, reason: "outage" } }]);
  });

  it("extends once for one idempotency key, however often it is sent", async () => {
    const body = { days: 5, reason: "goodwill", idempotency_key: "ext-long-1" };
    const sent = await Promise.all(
      [1, 2, 3].map(() => post(`/api/v1/subscriptions/${subs.long}/extend`, body)),
    );
    expect(sent.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const ends = new Set(sent.map((r) => r.json().ends_at));
    expect(ends.size).toBe(1);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, subs.long as string));
    expect(audit.filter((a) => a.action === "subscription.extend")).toHaveLength(1);
  });

  it("ends a plan now (admin); a renewing one needs its renewal cancelled first", async () => {
    const res = await post(`/api/v1/subscriptions/${subs.long}/end`, { reason: "chargeback" });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe("cancelled");
    expect(await idsOf("state=expired")).toContain(subs.long);
    expect((await post(`/api/v1/subscriptions/${subs.long}/end`, { reason: "again" })).statusCode).toBe(409);
    expect((await post(`/api/v1/subscriptions/${subs.renewing}/end`, { reason: "x" })).statusCode).toBe(409);
  });

  it("refuses operators with 403, and cancelling renewal of a plan that does not renew with 409", async () => {
    expect(
      (await post(`/api/v1/subscriptions/${subs.tomorrow}/extend`, { days: 1, reason: "x" }, as.operator))
        .statusCode,
    ).toBe(403);
    expect(
      (await post(`/api/v1/subscriptions/${subs.tomorrow}/end`, { reason: "x" }, as.operator)).statusCode,
    ).toBe(403);
    expect(
      (await post(`/api/v1/subscriptions/${subs.renewing}/cancel-renewal`, {}, as.operator)).statusCode,
    ).toBe(403);
    expect((await post(`/api/v1/subscriptions/${subs.tomorrow}/cancel-renewal`, {})).statusCode).toBe(409);
  });
});
