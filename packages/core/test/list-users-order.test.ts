import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeCredits, listUsers, upsertTelegramUser } from "../src/index.ts";
import { createTestCore } from "./support.ts";

/**
 * The users list answers some orders with more than one index walk (by balance: the credited
 * users, then those without credit) and searches through trigram and prefix indexes. These
 * tests compare every page against the order and the matches computed here from plain rows.
 */
let t: Awaited<ReturnType<typeof createTestCore>>;
const balances = new Map<string, number>();

beforeAll(async () => {
  t = await createTestCore();
  // 11 users: no credit row, a row spent down to 0, equal balances (ties broken by id), others.
  const plan = [undefined, undefined, undefined, 0, 0, 5, 5, 5, 12, 40, 7];
  for (const [k, credit] of plan.entries()) {
    const user = await upsertTelegramUser(t.core, {
      telegramId: 7100 + k,
      firstName: k % 2 ? "Olga" : "Boris",
      lastName: `Surname${k}`,
      username: k % 3 ? `User_${k}` : undefined,
    });
    balances.set(user.id, credit ?? 0);
    if (credit === undefined) continue;
    await changeCredits(t.core.db, { userId: user.id, delta: 9, reason: "bonus", idempotencyKey: `g${k}` });
    const spend = credit - 9;
    if (spend !== 0)
      await changeCredits(t.core.db, {
        userId: user.id,
        delta: spend,
        reason: spend > 0 ? "bonus" : "spend",
        idempotencyKey: `s${k}`,
      });
  }
}, 120_000);
afterAll(() => t.database.close());

async function allPages(input: Parameters<typeof listUsers>[2]) {
  const seen: Array<{ id: string; balance: number }> = [];
  let cursor: string | undefined;
  do {
    const page = await listUsers(t.core.db, t.clock.now(), { ...input, cursor });
    seen.push(...page.items.map((u) => ({ id: u.id, balance: u.balance })));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return seen;
}

describe("listUsers sorted by balance", () => {
  for (const direction of ["desc", "asc"] as const) {
    for (const limit of [1, 2, 3, 50]) {
      it(`pages ${direction} by ${limit} in (balance, id) order, every user once`, async () => {
        const expected = [...balances.entries()]
          .map(([id, balance]) => ({ id, balance }))
          .sort((a, b) => a.balance - b.balance || (a.id < b.id ? -1 : 1));
        if (direction === "desc") expected.reverse();
        expect(await allPages({ sort: "balance", direction, limit })).toEqual(expected);
      });
    }
  }
});

describe("listUsers search", () => {
  it("finds part of a name or surname and an @username prefix in any case", async () => {
    const surname = await listUsers(t.core.db, t.clock.now(), { search: "name1" });
    expect(surname.items.map((u) => u.lastName).sort()).toEqual(["Surname1", "Surname10"]);
    const first = await listUsers(t.core.db, t.clock.now(), { search: "LGA" });
    expect(first.items).toHaveLength(5);
    const prefix = await listUsers(t.core.db, t.clock.now(), { search: "@user_1" });
    expect(prefix.items.map((u) => u.username).sort()).toEqual(["User_1", "User_10"]);
    const escaped = await listUsers(t.core.db, t.clock.now(), { search: "@user%" });
    expect(escaped.items).toEqual([]);
  });
});
