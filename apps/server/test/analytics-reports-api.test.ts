import { randomUUID } from "node:crypto";
import { cliActor, createApiKey, recordEvents, upsertTelegramUser } from "@lumen/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./support/test-app.ts";

/** The reports over HTTP: JSON for operators, CSV for admins, 400 naming the field. */
let t: TestApp;
let adminKey: string;
let operatorKey: string;
const botId = randomUUID();

beforeAll(async () => {
  t = await createTestApp();
  adminKey = (await createApiKey(t.core, cliActor, { name: "reports admin", role: "admin" })).key;
  operatorKey = (await createApiKey(t.core, cliActor, { name: "reports operator", role: "operator" })).key;
  const now = t.core.clock.now();
  const users = [
    (await upsertTelegramUser(t.core, { telegramId: 91_001, firstName: "A" })).id,
    (await upsertTelegramUser(t.core, { telegramId: 91_002, firstName: "B" })).id,
  ];
  await recordEvents(t.core, [
    { type: "bot_started", userId: users[0], botId, source: "ref_p1", origin: "bot", occurredAt: now },
    { type: "bot_started", userId: users[1], botId, origin: "bot", occurredAt: now },
    { type: "trial_started", userId: users[1], botId, origin: "bot", occurredAt: now },
  ]);
});
afterAll(() => t?.close());

const get = (url: string, key = operatorKey) => t.app.inject({ url, headers: { "x-auth-key": key } });

describe("analytics reports API", () => {
  it("answers each report as JSON with the dashboard's filters", async () => {
    const funnel = await get(`/api/v1/analytics/reports/funnel?bot_id=${botId}`);
    expect(funnel.json().steps).toEqual({ started: 2, viewed: 0, checkout: 0, paid: 0 });
    const sources = await get(`/api/v1/analytics/reports/sources?bot_id=${botId}`);
    expect(sources.json().items).toEqual([
      { source: null, kind: "direct", users: 1, paying_users: 0, revenue: [] },
      { source: "ref_p1", kind: "partner", users: 1, paying_users: 0, revenue: [] },
    ]);
    const cohorts = await get(`/api/v1/analytics/reports/cohorts?weeks=2&bot_id=${botId}`);
    expect(cohorts.json().items).toEqual([expect.objectContaining({ users: 2, active: [2], paying: [0] })]);
    const trials = await get(`/api/v1/analytics/reports/trial-conversion?bot_id=${botId}`);
    expect(trials.json()).toEqual({ trials: 1, converted: 0 });
    const revenue = await get(`/api/v1/analytics/reports/revenue?by=source&bot_id=${botId}`);
    expect(revenue.json()).toEqual({ items: [] });
  });

  it("gives admins CSV and refuses it to operators", async () => {
    const csv = await get(`/api/v1/analytics/reports/sources.csv?bot_id=${botId}`, adminKey);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("source,kind,users,paying_users,revenue_rub,revenue_xtr,broadcast_title,clicks");
    expect(lines).toContain("ref_p1,partner,1,0,0.00,0,,");
    const cohorts = await get(`/api/v1/analytics/reports/cohorts.csv?weeks=1&bot_id=${botId}`, adminKey);
    expect(cohorts.body).toContain("cohort_week,users,week_offset,active,paying");
    expect((await get(`/api/v1/analytics/reports/funnel.csv`, adminKey)).body).toContain(
      "step,product_id,product,people",
    );
    expect((await get(`/api/v1/analytics/reports/revenue.csv?by=day`, adminKey)).statusCode).toBe(200);
    expect((await get(`/api/v1/analytics/reports/sources.csv`)).statusCode).toBe(403);
  });

  it("names the field of a bad filter", async () => {
    const badBy = await get("/api/v1/analytics/reports/revenue?by=week");
    expect(badBy.statusCode).toBe(400);
    expect(badBy.json().error.field).toContain("by");
    const badTz = await get("/api/v1/analytics/reports/cohorts?tz=Mars/Base");
    expect(badTz.json().error).toMatchObject({ code: "VALIDATION_FAILED", field: "tz" });
    const badWeeks = await get("/api/v1/analytics/reports/cohorts?weeks=100");
    expect(badWeeks.json().error.field).toContain("weeks");
  });
});
