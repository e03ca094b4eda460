import { cliActor, createApiKey, upsertTelegramUser } from "@lumen/core";
import { findLedgerMismatches } from "@lumen/testkit";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./support/test-app.ts";

let t: TestApp;
let key: string;
let userId: string;
let productId: string;
const core = () => t.core;

beforeAll(async () => {
  t = await createTestApp();
  key = (await createApiKey(core(), cliActor, { name: "owner", role: "owner" })).key;
  userId = (await upsertTelegramUser(core(), { telegramId: 91_000, firstName: "N" })).id;
  productId = (await call("POST", "/api/v1/products", product({}))).json().id;
});
afterEach(async () => {
  expect(await findLedgerMismatches(t.database.db)).toEqual([]);
});
afterAll(() => t.close());

function call(method: "GET" | "POST" | "PATCH", url: string, payload?: unknown) {
  return t.app.inject({ method, url, headers: { "x-auth-key": key }, ...(payload ? { payload } : {}) });
}

const plan = (over: Record<string, unknown>) => ({ kind: "plan", plan_code: "p", period_days: 30, ...over });
function product(over: { details?: unknown; price?: unknown; sort_order?: unknown }) {
  return {
    title: "Edge",
    details: over.details ?? { kind: "credits", credits: 10 },
    prices: [{ currency: "XTR", amount: over.price ?? 10 }],
    ...("sort_order" in over ? { sort_order: over.sort_order } : {}),
  };
}

let n = 0;
/** Every numeric input a route takes: how to send a value in it, and the field the 400 names. */
const inputs: Array<{
  field: string;
  negativeIsValid?: boolean;
  /** The largest value the field takes, when larger than 2^31 - 1 (ids). */
  max?: number;
  send: (v: number) => ReturnType<typeof call>;
}> = [
  {
    field: "amount",
    negativeIsValid: true,
    send: (v) =>
      call("POST", `/api/v1/users/${userId}/credits/adjustments`, {
        amount: v,
        reason: "edge",
        idempotency_key: `edge-${n++}`,
      }),
  },
  {
    field: "sort_order",
    negativeIsValid: true,
    send: (v) => call("POST", "/api/v1/products", product({ sort_order: v })),
  },
  {
    field: "sort_order",
    negativeIsValid: true,
    send: (v) => call("PATCH", `/api/v1/products/${productId}`, { sort_order: v }),
  },
  { field: "amount", send: (v) => call("POST", "/api/v1/products", product({ price: v })) },
  {
    field: "credits",
    send: (v) => call("POST", "/api/v1/products", product({ details: { kind: "credits", credits: v } })),
  },
  {
    field: "period_days",
    send: (v) => call("POST", "/api/v1/products", product({ details: plan({ period_days: v }) })),
  },
  {
    field: "messages_per_period",
    send: (v) => call("POST", "/api/v1/products", product({ details: plan({ messages_per_period: v }) })),
  },
  {
    field: "fair_use_cap",
    send: (v) => call("POST", "/api/v1/products", product({ details: plan({ fair_use_cap: v }) })),
  },
  {
    field: "value",
    send: (v) => call("POST", "/api/v1/promos", { code: `EDGE${n++}`, kind: "bonus_credits", value: v }),
  },
  {
    field: "max_uses",
    send: (v) =>
      call("POST", "/api/v1/promos", { code: `EDGE${n++}`, kind: "bonus_credits", value: 1, max_uses: v }),
  },
  {
    field: "amount",
    send: (v) =>
      call("POST", `/api/v1/partners/${userId}/payouts`, {
        amount: v,
        currency: "XTR",
        idempotency_key: `p-${n++}`,
      }),
  },
  {
    field: "telegram_id",
    max: 2 ** 52,
    send: (v) => call("POST", "/api/v1/users", { telegram_id: v, first_name: "E" }),
  },
  { field: "telegram_id", max: 2 ** 52, send: (v) => call("GET", `/api/v1/users?telegram_id=${v}`) },
  { field: "limit", send: (v) => call("GET", `/api/v1/orders?limit=${v}`) },
  { field: "limit", send: (v) => call("GET", `/api/v1/users/${userId}/messages?limit=${v}`) },
  { field: "limit", send: (v) => call("GET", `/api/v1/audit?limit=${v}`) },
  {
    field: "before_id",
    max: Number.MAX_SAFE_INTEGER,
    send: (v) => call("GET", `/api/v1/audit?before_id=${v}`),
  },
];

const tooBig = [2 ** 31 - 1, 2 ** 31, 2 ** 53, 2 ** 63];

describe("numeric inputs at their edges", () => {
  for (const input of inputs) {
    it(`${input.field}: too big, negative or fractional is a 400 naming it, never a 500`, async () => {
      for (const value of [...tooBig, -(2 ** 31), -1, 1.5]) {
        const res = await input.send(value);
        expect(res.statusCode, `${input.field} = ${value}: ${res.body}`).toBeLessThan(500);
        const outOfRange = input.max ? value > input.max : tooBig.includes(value);
        const refused = outOfRange || value === 1.5 || (value < 0 && !input.negativeIsValid);
        if (refused) {
          expect(res.statusCode, `${input.field} = ${value}`).toBe(400);
          expect(res.json().error.field, `${input.field} = ${value}`).toMatch(
            new RegExp(`\\b${input.field}$`),
          );
        }
      }
    });
  }

  it("keeps a balance past int4 exact, and refuses days no date can hold", async () => {
    for (let i = 0; i < 3; i++) {
      const res = await call("POST", `/api/v1/users/${userId}/credits/adjustments`, {
        amount: 1_000_000_000,
        reason: "big",
        idempotency_key: `big-${i}`,
      });
      expect(res.statusCode).toBe(201);
    }
    const balance = await call("GET", `/api/v1/users/${userId}/credits`);
    expect(balance.json().balance).toBe(3_000_000_000);
    const days = await call("POST", "/api/v1/promos", {
      code: "DAYSEDGE",
      kind: "extra_days",
      value: 1_000_000,
    });
    expect([days.statusCode, days.json().error.field]).toEqual([400, "value"]);
  });
});
