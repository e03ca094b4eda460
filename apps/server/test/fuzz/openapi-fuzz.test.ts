import {
  cliActor,
  createApiKey,
  createOpenAIChatModel,
  createYooKassaClient,
  type YooKassaSettings,
} from "@lumen/core";
import {
  createFakeOpenAI,
  createFakeYooKassa,
  createTelegramEmulator,
  type FakeOpenAI,
  type FakeYooKassa,
  type TelegramEmulator,
} from "@lumen/testkit";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBrokenInvariants, queryThrough } from "../support/money-invariants.ts";
import {
  type FuzzPool,
  type FuzzRequest,
  type OpenApiDocument,
  operationsOf,
  requestFor,
} from "../support/openapi-fuzz.ts";
import { createTestApp, type TestApp, testAssistantConfig } from "../support/test-app.ts";

/**
 * Every route of the OpenAPI document, fed generated params, query strings, headers and bodies
 * (fitting, at the edges, of the wrong type, missing, extra) as an owner and as no one. No answer
 * may be a 5xx, every 4xx has the error shape and a 400 names its field, and the money invariants
 * hold afterwards. The seed changes every run and is printed: FUZZ_SEED=<seed> replays a run,
 * FUZZ_RUNS=<n> changes how many requests it makes (10,000 by default; it stops early at
 * FUZZ_BUDGET_MS, 150 s by default, on a machine too loaded to make them all).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
/** A loaded CI machine may not get through them all: the run stops at this budget, and says so. */
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 150_000);
const SEED = Number(process.env.FUZZ_SEED ?? (Date.now() ^ (process.pid << 8)) >>> 0);
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
if (onPostgres) console.log("openapi fuzz: skipped on the PostgreSQL pass (it runs on the PGlite pass)");

let t: TestApp;
let tg: TelegramEmulator;
let yk: FakeYooKassa;
let ai: FakeOpenAI;
let ownerKey: string;
const pool: FuzzPool = { uuids: [], strings: [] };

async function call(method: string, url: string, body?: unknown) {
  const res = await t.app.inject({
    method: method as "GET",
    url,
    headers: { "x-auth-key": ownerKey },
    ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
  });
  if (res.statusCode >= 300) throw new Error(`fixture ${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A small shop to fuzz against, so generated ids and codes often name something that exists. */
async function makeFixtures() {
  const core = t.core;
  ownerKey = (await createApiKey(core, cliActor, { name: "fuzz-owner", role: "owner" })).key;
  const spare = await createApiKey(core, cliActor, { name: "fuzz-spare", role: "operator" });
  const bot = tg.createBot({ username: "fuzz_shop_bot", firstName: "Fuzz" });
  const registered = await call("POST", "/api/v1/bots", { token: bot.token });
  const users = [];
  for (const [i, name] of ["Ada", "Bo", "Cy"].entries()) {
    users.push(await call("POST", "/api/v1/users", { telegram_id: 5_000 + i, first_name: name }));
  }
  const credits = await call("POST", "/api/v1/products", {
    title: "Credits",
    details: { kind: "credits", credits: 50 },
    prices: [
      { currency: "RUB", amount: 9_900 },
      { currency: "XTR", amount: 50 },
    ],
  });
  const plan = await call("POST", "/api/v1/products", {
    title: "Plan",
    details: { kind: "plan", plan_code: "fuzz-plan", period_days: 7 },
    prices: [{ currency: "RUB", amount: 19_900 }],
  });
  const promo = await call("POST", "/api/v1/promos", { code: "FUZZ10", kind: "percent_off", value: 10 });
  for (const user of users) {
    await call("POST", `/api/v1/users/${user.id}/credits/adjustments`, {
      amount: 100,
      reason: "fixture",
      idempotency_key: `fixture-${user.id}`,
    });
  }
  // Two paid orders (refundable) and a pending one, paid the way YooKassa pays.
  const orders = [];
  for (const [product, user] of [
    [credits, users[0]],
    [plan, users[1]],
    [credits, users[2]],
  ] as const) {
    orders.push(
      (
        await call("POST", "/api/v1/orders", {
          user_id: user.id,
          product_id: product.id,
          currency: "RUB",
          provider: "yookassa",
        })
      ).order,
    );
  }
  for (const payment of yk.payments.slice(0, 2)) {
    yk.succeed(payment.id);
    const hook = await t.app.inject({
      method: "POST",
      url: "/api/v1/payments/yookassa/webhook",
      payload: { type: "notification", event: "payment.succeeded", object: yk.payment(payment.id) },
    });
    expect(hook.statusCode).toBe(200);
  }
  pool.uuids.push(
    registered.id,
    spare.id,
    credits.id,
    plan.id,
    promo.id,
    ...users.map((u) => u.id),
    ...orders.map((o) => o.id),
  );
  pool.strings.push(bot.token, "FUZZ10", "fuzz-plan", "owner@example.com", "5000", String(registered.id));
}

beforeAll(async () => {
  if (onPostgres) return;
  tg = await createTelegramEmulator();
  ai = await createFakeOpenAI();
  yk = await createFakeYooKassa({ shopId: "100500", secretKey: "fuzz_secret" });
  const yookassa: YooKassaSettings = {
    client: createYooKassaClient({ apiUrl: yk.baseUrl, shopId: "100500", secretKey: "fuzz_secret" }),
    returnUrl: "https://t.me/fuzz_shop_bot",
    receipts: { enabled: false, vatCode: 1, defaultEmail: undefined },
  };
  t = await createTestApp({
    apiRoot: tg.apiRoot,
    yookassa,
    yookassaAllowedIps: "*",
    loginLimitPerMinute: 1000,
    assistant: {
      chat: createOpenAIChatModel({ baseURL: ai.baseUrl, apiKey: "sk-fuzz", timeoutMs: 5000 }),
      config: testAssistantConfig,
    },
  });
  await makeFixtures();
}, 300_000);
afterAll(async () => {
  await t?.close();
  await tg?.close();
  await yk?.close();
  await ai?.close();
});

type Finding = { request: FuzzRequest; status: number; body: string; why: string };

/** What is wrong with an answer, or undefined when it is a fine one. */
function judge(status: number, text: string): string | undefined {
  if (status >= 500) return "5xx";
  if (status < 400) return undefined;
  let body: { error?: { code?: unknown; message?: unknown; field?: unknown } };
  try {
    body = JSON.parse(text);
  } catch {
    return "4xx body is not JSON";
  }
  const error = body?.error;
  if (typeof error?.code !== "string" || typeof error.message !== "string")
    return "4xx without the error shape";
  if (status === 400 && (typeof error.field !== "string" || error.field === "")) return "400 names no field";
  return undefined;
}

describe.skipIf(onPostgres)("fuzzing every route of the OpenAPI document", () => {
  it(`answers ${RUNS} generated requests without a 5xx, with named fields, and keeps the money sound`, async () => {
    console.log(`openapi fuzz: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} (set them to replay this run)`);
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as OpenApiDocument;
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThan(30);
    const requests = fc.sample(fc.oneof(...operations.map((op) => requestFor(doc, op, pool))), {
      seed: SEED,
      numRuns: RUNS,
    });
    const findings: Finding[] = [];
    const seen = new Map<string, number>();
    const deadline = Date.now() + BUDGET_MS;
    let sent = 0;
    for (const request of requests) {
      if (Date.now() > deadline) break;
      sent++;
      const res = await t.app.inject({
        method: request.method as "GET",
        url: request.url,
        headers: {
          ...request.headers,
          ...(request.auth === "owner" ? { "x-auth-key": ownerKey } : {}),
          ...(request.auth === "garbage" ? { "x-auth-key": "lmn_not_a_real_key" } : {}),
        },
        ...(request.body === undefined ? {} : { payload: request.body }),
      });
      const status = res.statusCode;
      seen.set(`${request.route} ${status}`, (seen.get(`${request.route} ${status}`) ?? 0) + 1);
      const why = judge(status, res.body);
      if (why) findings.push({ request, status, body: res.body.slice(0, 300), why });
    }
    console.log(`openapi fuzz: ${sent} of ${RUNS} requests sent (seed ${SEED})`);
    console.log(`openapi fuzz: statuses ${JSON.stringify(Object.fromEntries(seen))}`);
    const firstPerKind = new Map<string, Finding>();
    for (const f of findings) {
      const kind = `${f.why} ${f.status} ${f.request.route}`;
      if (!firstPerKind.has(kind)) firstPerKind.set(kind, f);
    }
    const summary = [...firstPerKind.values()].map(
      (f) =>
        `${f.why}: ${f.status} ${f.request.method} ${f.request.url} ${f.request.body?.slice(0, 300) ?? ""} -> ${f.body}`,
    );
    expect(summary, `seed ${SEED}: ${findings.length} bad answers`).toEqual([]);
    expect(await findBrokenInvariants(queryThrough(t.database.db))).toEqual([]);
  }, 300_000);
});
