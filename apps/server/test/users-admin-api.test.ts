import { randomUUID } from "node:crypto";
import {
  type Actor,
  attributeReferral,
  changeCredits,
  createOrder,
  createProduct,
  extendPlan,
  getOrCreateReferralCode,
  settlePayment,
  startTrial,
  upsertTelegramUser,
} from "@lumen/core";
import { auditLog, userMessages } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAllPages, type Sessions, signInEveryRole } from "./support/admin-sessions.ts";
import { readCsvExport } from "./support/csv-parse.ts";
import { createTestApp, type TestApp, testAssistantConfig } from "./support/test-app.ts";

let t: TestApp;
let as: Sessions;
const admin: Actor = { type: "admin", id: null, role: "admin" };
const botA = randomUUID();
const botB = randomUUID();
/** Half the users are made at one instant, so ties in the sort key are exercised. */
const sameInstant = new Date("2026-03-01T12:00:00.123Z");
const ids: Record<string, string> = {};
const telegramIds: Record<string, number> = {};

type UserItem = { id: string; first_name: string; balance: number; telegram_id: number; is_banned: boolean };

const get = (url: string, cookie = as.operator) => t.app.inject({ url, headers: { cookie } });
const post = (url: string, payload: unknown, cookie = as.admin) =>
  t.app.inject({
    method: "POST",
    url,
    payload: payload as object,
    headers: { cookie, origin: "http://localhost" },
  });
const names = (items: UserItem[]) => items.map((u) => u.first_name).sort();

beforeAll(async () => {
  t = await createTestApp();
  as = await signInEveryRole(t);
  const db = t.database.db;
  const people = [
    { key: "ann", firstName: "Ann", username: "ann_k", languageCode: "en", botId: botA },
    {
      key: "boris",
      firstName: "Boris",
      lastName: "Petrov",
      username: "bpetrov",
      languageCode: "ru",
      botId: botA,
    },
    { key: "vera", firstName: "Вера", username: null, languageCode: "ru-RU", botId: botB },
    { key: "formula", firstName: '=HYPERLINK("http://x")', username: null, languageCode: "en", botId: botB },
    {
      key: "comma",
      firstName: 'Smith, "Jr"',
      lastName: "line\nbreak",
      username: "smith",
      languageCode: "de",
      botId: botA,
    },
    { key: "blocked", firstName: "Blocky", username: "blocky", languageCode: "en", botId: botA },
    { key: "partner", firstName: "Pat", username: "pat_partner", languageCode: "en", botId: botA },
    { key: "referred", firstName: "Rita", username: "rita", languageCode: "en", botId: botA },
    { key: "percent", firstName: "100% real", username: "pct", languageCode: "en", botId: null },
  ];
  let n = 0;
  for (const p of people) {
    const clock = { now: () => (n % 2 === 0 ? sameInstant : new Date(sameInstant.getTime() + n * 60_000)) };
    const telegramId = 7_000_000 + n;
    const row = await upsertTelegramUser({ db, clock, outbox: t.core.outbox }, { telegramId, ...p });
    ids[p.key] = row.id;
    telegramIds[p.key] = telegramId;
    n += 1;
  }
  const core = { db, clock: { now: () => new Date() }, outbox: t.core.outbox };
  await changeCredits(db, { userId: ids.ann as string, delta: 50, reason: "bonus", idempotencyKey: "t:ann" });
  await changeCredits(db, {
    userId: ids.boris as string,
    delta: 7,
    reason: "bonus",
    idempotencyKey: "t:boris",
  });
  await changeCredits(db, {
    userId: ids.vera as string,
    delta: 50,
    reason: "bonus",
    idempotencyKey: "t:vera",
  });
  await startTrial(core, testAssistantConfig, ids.boris as string);
  const product = await createProduct(core, admin, {
    title: "10 credits",
    details: { kind: "credits", credits: 10 },
    prices: [{ currency: "XTR", amount: 5 }],
  });
  const order = await createOrder(core, {
    userId: ids.vera as string,
    productId: product.id,
    currency: "XTR",
    provider: "stars",
  });
  await settlePayment(core, {
    provider: "stars",
    providerPaymentId: "users-test-1",
    orderId: order.id,
    amount: order.amount,
    currency: order.currency,
    eventType: "successful_payment",
    raw: {},
  });
  await extendPlan(db, new Date(), {
    grantKey: "test:ann-pro",
    userId: ids.ann as string,
    planCode: "pro",
    title: "Pro",
    periodDays: 30,
    messagesPerPeriod: null,
  });
  const code = await getOrCreateReferralCode(db, ids.partner as string);
  await attributeReferral(core, { userId: ids.referred as string, code, firstVisit: true });
  await post(`/api/v1/users/${ids.blocked}/block`, { blocked: true, reason: "spam" });
}, 180_000);
afterAll(() => t.close());

describe("GET /api/v1/users", () => {
  it.each([
    ["created", "desc"],
    ["created", "asc"],
    ["last_seen", "desc"],
    ["name", "asc"],
    ["balance", "desc"],
  ])("pages through every user sorted by %s %s with no repeat and no gap", async (sort, direction) => {
    const { items, pages } = await readAllPages<UserItem & Record<string, string>>(
      t,
      as.operator,
      `/api/v1/users?sort=${sort}.${direction}&limit=2`,
    );
    expect(pages).toBe(5);
    expect(items).toHaveLength(9);
    expect(new Set(items.map((u) => u.id)).size).toBe(9);
    const keyOf = (u: UserItem & Record<string, string>): string | number =>
      (sort === "name"
        ? u.first_name.toLowerCase()
        : sort === "balance"
          ? u.balance
          : sort === "created"
            ? u.first_seen_at
            : u.last_seen_at) ?? "";
    for (let k = 1; k < items.length; k++) {
      const [a, b] = [items[k - 1], items[k]] as [
        UserItem & Record<string, string>,
        UserItem & Record<string, string>,
      ];
      const [ka, kb] = [keyOf(a), keyOf(b)];
      if (ka === kb) expect(direction === "desc" ? a.id > b.id : a.id < b.id).toBe(true);
      else if (sort !== "name") expect(direction === "desc" ? ka > kb : ka < kb).toBe(true);
    }
  });

  it("carries each user's credit balance", async () => {
    const { items } = await readAllPages<UserItem>(t, as.operator, "/api/v1/users?sort=balance.desc");
    expect(items.slice(0, 3).map((u) => u.balance)).toEqual([60, 50, 7]);
  });

  it("searches by exact Telegram id, @username prefix, or part of a name", async () => {
    const byId = (await get(`/api/v1/users?q=${telegramIds.boris}`)).json();
    expect(names(byId.items)).toEqual(["Boris"]);
    const byUsername = (await get("/api/v1/users?q=%40bpet")).json();
    expect(names(byUsername.items)).toEqual(["Boris"]);
    const byLastName = (await get("/api/v1/users?q=petr")).json();
    expect(names(byLastName.items)).toEqual(["Boris"]);
    const cyrillic = (await get(`/api/v1/users?q=${encodeURIComponent("вер")}`)).json();
    expect(names(cyrillic.items)).toEqual(["Вера"]);
    const percent = (await get("/api/v1/users?q=100%25")).json();
    expect(names(percent.items)).toEqual(["100% real"]);
    const byTelegramIdParam = (await get(`/api/v1/users?telegram_id=${telegramIds.ann}`)).json();
    expect(names(byTelegramIdParam.items)).toEqual(["Ann"]);
  });

  it.each([
    ["trial=true", ["Boris"]],
    ["paying=true", ["Вера"]],
    ["active_plan=true", ["Ann"]],
    ["blocked=true", ["Blocky"]],
    ["partner=true", ["Pat"]],
    ["language=ru", ["Boris", "Вера"]],
    ["language=de", ['Smith, "Jr"']],
  ])("filters by %s", async (filter, expected) => {
    const res = await get(`/api/v1/users?${filter}`);
    expect(res.statusCode).toBe(200);
    expect(names(res.json().items)).toEqual([...expected].sort());
  });

  it("filters by bot, by referrer, and by the negation of a flag", async () => {
    expect(names((await get(`/api/v1/users?bot_id=${botB}`)).json().items)).toEqual(
      ['=HYPERLINK("http://x")', "Вера"].sort(),
    );
    expect(names((await get(`/api/v1/users?referred_by=${ids.partner}`)).json().items)).toEqual(["Rita"]);
    const notBlocked = (await get("/api/v1/users?blocked=false&limit=100")).json().items as UserItem[];
    expect(notBlocked).toHaveLength(8);
    expect(notBlocked.every((u) => !u.is_banned)).toBe(true);
  });

  it.each(["trial", "paying", "active_plan", "partner"])(
    "lists exactly the users without %s when asked for false (a probe per user, not an anti join)",
    async (flag) => {
      const all = names((await get("/api/v1/users?limit=100")).json().items);
      const yes = names((await get(`/api/v1/users?${flag}=true&limit=100`)).json().items);
      const no = names((await get(`/api/v1/users?${flag}=false&limit=100`)).json().items);
      expect(yes.length).toBeGreaterThan(0);
      expect(no).toEqual(all.filter((name) => !yes.includes(name)));
    },
  );

  it("combines a flag with the negation of another", async () => {
    expect(names((await get("/api/v1/users?trial=true&paying=false")).json().items)).toEqual(["Boris"]);
    expect(names((await get("/api/v1/users?paying=true&trial=false")).json().items)).toEqual(["Вера"]);
  });

  it("answers a bad parameter with 400 naming it", async () => {
    for (const [query, field] of [
      ["limit=0", "querystring.limit"],
      ["limit=201", "querystring.limit"],
      ["sort=age", "querystring.sort"],
      ["blocked=yes", "querystring.blocked"],
      ["bot_id=nope", "querystring.bot_id"],
      ["cursor=not-a-cursor", "cursor"],
    ]) {
      const res = await get(`/api/v1/users?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error).toMatchObject({ code: "VALIDATION_FAILED", field });
    }
  });

  it("refuses a cursor made for another sort order", async () => {
    const first = (await get("/api/v1/users?sort=name.asc&limit=2")).json();
    const res = await get(`/api/v1/users?sort=created.desc&cursor=${first.next_cursor}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe("cursor");
  });

  it("needs a session", async () => {
    expect((await t.app.inject({ url: "/api/v1/users" })).statusCode).toBe(401);
  });
});

describe("GET /api/v1/users/export.csv", () => {
  it("streams the filtered list as RFC 4180 CSV with a BOM, formulas neutralised", async () => {
    const res = await get("/api/v1/users/export.csv?sort=name.asc");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toMatch(
      /^attachment; filename="users-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows = readCsvExport(res.body);
    expect(rows).toHaveLength(9);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(ids.formula as string)?.first_name).toBe('\'=HYPERLINK("http://x")');
    expect(byId.get(ids.comma as string)).toMatchObject({
      first_name: 'Smith, "Jr"',
      last_name: "line\nbreak",
    });
    expect(byId.get(ids.vera as string)).toMatchObject({ first_name: "Вера", credits: "60" });
    expect(byId.get(ids.blocked as string)?.blocked_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("applies the list's filters", async () => {
    const rows = readCsvExport((await get("/api/v1/users/export.csv?language=ru")).body);
    expect(rows.map((r) => r.first_name).sort()).toEqual(["Boris", "Вера"]);
  });

  it("answers a bad filter with 400 before streaming anything", async () => {
    const res = await get("/api/v1/users/export.csv?paying=maybe");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe("querystring.paying");
  });
});

describe("a user's page", () => {
  it("shows profile, credits, trial, plans, referrer and partner figures", async () => {
    const ann = (await get(`/api/v1/users/${ids.ann}/overview`)).json();
    expect(ann.user).toMatchObject({ first_name: "Ann", balance: 50, bot_id: botA });
    expect(ann.subscriptions).toMatchObject([{ plan_code: "pro", status: "active", renews: false }]);
    expect(ann.trial).toBeNull();
    const rita = (await get(`/api/v1/users/${ids.referred}/overview`)).json();
    expect(rita.referred_by).toMatchObject({ id: ids.partner, first_name: "Pat" });
    const pat = (await get(`/api/v1/users/${ids.partner}/overview`)).json();
    expect(pat.partner).toMatchObject({ signups: 1, clicks: 1 });
    expect(pat.partner.code).toEqual(expect.any(String));
    const vera = (await get(`/api/v1/users/${ids.vera}/overview`)).json();
    expect(vera.orders).toEqual({ paid: 1, refunded: 0 });
    expect(vera.user.balance).toBe(60);
    expect((await get(`/api/v1/users/${randomUUID()}/overview`)).statusCode).toBe(404);
  });

  it("pages the credit ledger newest first", async () => {
    const first = (await get(`/api/v1/users/${ids.vera}/ledger?limit=1`)).json();
    expect(first.items).toMatchObject([{ delta: 10, reason: "purchase", balance_after: 60 }]);
    const second = (
      await get(`/api/v1/users/${ids.vera}/ledger?limit=1&before_id=${first.next_before_id}`)
    ).json();
    expect(second.items).toMatchObject([{ delta: 50, reason: "bonus", balance_after: 50 }]);
  });
});

describe("actions on a user", () => {
  it("blocks and unblocks (admin), audited, and the list follows", async () => {
    const blocked = await post(`/api/v1/users/${ids.boris}/block`, { blocked: true, reason: "abuse" });
    expect(blocked.statusCode).toBe(200);
    expect(blocked.json()).toMatchObject({ is_banned: true, blocked_at: expect.any(String) });
    expect(names((await get("/api/v1/users?blocked=true")).json().items)).toEqual(["Blocky", "Boris"]);
    const unblocked = await post(`/api/v1/users/${ids.boris}/block`, { blocked: false });
    expect(unblocked.json()).toMatchObject({ is_banned: false, blocked_at: null });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, ids.boris as string));
    expect(audit.map((a) => a.action)).toEqual(["user.block", "user.unblock"]);
    expect(audit[0]?.data).toEqual({ reason: "abuse" });
  });

  it("refuses an operator the admin actions with 403", async () => {
    const block = await post(`/api/v1/users/${ids.ann}/block`, { blocked: true }, as.operator);
    expect(block.statusCode).toBe(403);
    const grant = await post(
      `/api/v1/users/${ids.ann}/credits/adjustments`,
      { amount: 10, reason: "goodwill", idempotency_key: "op-try" },
      as.operator,
    );
    expect(grant.statusCode).toBe(403);
  });

  it("grants credits only with a reason, once per idempotency key", async () => {
    const noReason = await post(`/api/v1/users/${ids.ann}/credits/adjustments`, {
      amount: 10,
      idempotency_key: "k1",
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe("body.reason");
    const payload = { amount: 10, reason: "goodwill", idempotency_key: "k1" };
    expect((await post(`/api/v1/users/${ids.ann}/credits/adjustments`, payload)).statusCode).toBe(201);
    expect((await post(`/api/v1/users/${ids.ann}/credits/adjustments`, payload)).statusCode).toBe(200);
    expect((await get(`/api/v1/users/${ids.ann}/overview`)).json().user.balance).toBe(60);
  });

  it("queues a message through the user's bot, audited; not to a blocked user; names bot_id when there is none", async () => {
    const sent = await post(
      `/api/v1/users/${ids.ann}/bot-messages`,
      { text: "Hello from support" },
      as.operator,
    );
    expect(sent.statusCode).toBe(202);
    expect(sent.json()).toMatchObject({ bot_id: botA, status: "queued", text: "Hello from support" });
    const [row] = await t.database.db.select().from(userMessages).where(eq(userMessages.id, sent.json().id));
    expect(row).toMatchObject({ sentByType: "admin", status: "queued" });
    const toBlocked = await post(`/api/v1/users/${ids.blocked}/bot-messages`, { text: "hi" });
    expect(toBlocked.statusCode).toBe(409);
    const noBot = await post(`/api/v1/users/${ids.percent}/bot-messages`, { text: "hi" });
    expect(noBot.statusCode).toBe(400);
    expect(noBot.json().error.field).toBe("bot_id");
    const empty = await post(`/api/v1/users/${ids.ann}/bot-messages`, { text: "  " });
    expect(empty.json().error.field).toBe("body.text");
  });
});
