import { join } from "node:path";
import { openDatabase } from "@lumen/db";
import { createFakeOpenAI, type FakeOpenAI } from "@lumen/testkit";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { callApi, createLumenHome, runLumenCli, startLumen } from "../support/lumen-process.ts";
import { findBrokenInvariants, queryThrough } from "../support/money-invariants.ts";

/**
 * SIGTERM while AI questions are in flight, some of whose clients already hung up (as a load
 * generator does when it stops): the process must finish every started question before it closes
 * the database, so nothing stays `pending` and every balance equals its ledger. Both drivers;
 * on PGlite the test opens the data directory once the server has let go of it.
 */
const USERS = 12;
const QUESTIONS_PER_USER = 4;
const QUESTIONS = USERS * QUESTIONS_PER_USER;

let home: Awaited<ReturnType<typeof createLumenHome>>;
let ai: FakeOpenAI;
let env: Record<string, string>;
let key: string;

beforeAll(async () => {
  home = await createLumenHome();
  ai = await createFakeOpenAI({ apiKey: "sk-stop" });
  env = {
    ...home.env,
    OPENAI_BASE_URL: ai.baseUrl,
    OPENAI_API_KEY: "sk-stop",
    OPENAI_MODEL: "test-mini",
    API_RATE_LIMIT_PER_MINUTE: "100000",
    API_ADDRESS_RATE_LIMIT_PER_MINUTE: "100000",
  };
  const created = await runLumenCli(env, ["api-key", "create", "--name", "stop", "--key-role", "admin"]);
  expect(created.code, created.stderr).toBe(0);
  key = created.stdout.trim();
  // Generous: a fresh database is migrated here, slow on a busy CI machine.
}, 400_000);

afterAll(async () => {
  await ai?.close();
  await home?.cleanup();
});

describe("graceful stop under load", () => {
  it("finishes the questions in flight, aborted or not, before closing the database", async () => {
    const lumen = await startLumen(env);
    const userIds: string[] = [];
    try {
      for (let i = 0; i < USERS; i++) {
        const user = await callApi(lumen, key, "POST", "/api/v1/users", {
          telegram_id: 9_100_000 + i,
          first_name: `Stopper ${i}`,
        });
        expect(user.status).toBe(201);
        const grant = await callApi(lumen, key, "POST", `/api/v1/users/${user.body.id}/credits/adjustments`, {
          amount: 100,
          reason: "test",
          idempotency_key: `stop-${i}`,
        });
        expect(grant.status).toBe(201);
        userIds.push(user.body.id);
      }
      // Long enough that every question is waiting on the AI when the signal arrives.
      ai.setDelay(1500);
      const before = ai.requests.length;
      const aborts: AbortController[] = [];
      const answers = Array.from({ length: QUESTIONS }, (_, n) => {
        const abort = new AbortController();
        aborts.push(abort);
        return fetch(`${lumen.url}/api/v1/assistant/messages`, {
          method: "POST",
          headers: { "x-auth-key": key, "content-type": "application/json" },
          body: JSON.stringify({ user_id: userIds[n % USERS], text: `Question ${n}` }),
          signal: abort.signal,
        }).then(
          (response) => response.status,
          () => "aborted" as const,
        );
      });
      await vi.waitFor(() => expect(ai.requests.length - before).toBe(QUESTIONS), { timeout: 60_000 });
      // Half the clients leave, as wrk does at the end of its run; the server goes on with them.
      for (const [n, abort] of aborts.entries()) if (n % 2 === 0) abort.abort();
      const exited = lumen.stop("SIGTERM");
      const statuses = await Promise.all(answers);
      const code = await exited;
      const tail = lumen.logs.filter((l) => l.level >= 40 || /shut|stop|closed/.test(l.msg)).slice(-15);
      expect(code, `${lumen.stderr()}\n${JSON.stringify(tail, null, 1)}`).toBe(0);

      // A client that left got nothing; every other got its answer (some answered before the abort).
      expect(statuses.filter((s) => s !== 200 && s !== "aborted")).toEqual([]);
      const logText = `${lumen.stderr()}\n${lumen.logs.map((l) => JSON.stringify(l)).join("\n")}`;
      expect(logText).not.toContain("Cannot use a pool after calling end");
      expect(lumen.logs.some((l) => l.msg === "stopped cleanly")).toBe(true);
    } finally {
      await lumen.stop();
    }

    const database = env.DATABASE_URL
      ? await openDatabase({ driver: "postgres", url: env.DATABASE_URL, poolSize: 2 })
      : await openDatabase({ driver: "pglite", dataDir: join(home.dataDir, "pglite") });
    try {
      const query = queryThrough(database.db);
      const byStatus = await query("select status, count(*)::int as n from messages_log group by status");
      expect(byStatus).toEqual([{ status: "delivered", n: QUESTIONS }]);
      const balances = await query("select sum(balance)::int as total from credit_balances");
      expect(balances).toEqual([{ total: USERS * 100 - QUESTIONS }]);
      expect(await findBrokenInvariants(query)).toEqual([]);
    } finally {
      await database.close();
    }
  }, 600_000);
});
