import { openDatabase } from "@lumen/db";
import {
  createFakeOpenAI,
  createTelegramEmulator,
  type FakeOpenAI,
  type TelegramEmulator,
} from "@lumen/testkit";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { say, textOf } from "../support/bot-journey.ts";
import {
  callApi,
  createLumenHome,
  type LumenProcess,
  runLumenCli,
  startLumen,
} from "../support/lumen-process.ts";
import { findBrokenInvariants, queryThrough } from "../support/money-invariants.ts";

/**
 * `start --workers 2`: on PostgreSQL two processes serve HTTP, one of them runs the jobs and
 * long-polls every bot (also bots added through the other), the money adds up, and SIGTERM stops
 * them all. On PGlite the same command runs one process and says why.
 */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

let home: Awaited<ReturnType<typeof createLumenHome>>;
let ai: FakeOpenAI;
let tg: TelegramEmulator;
let env: Record<string, string>;
let key: string;

beforeAll(async () => {
  home = await createLumenHome();
  ai = await createFakeOpenAI({ apiKey: "sk-workers" });
  tg = await createTelegramEmulator();
  env = {
    ...home.env,
    OPENAI_BASE_URL: ai.baseUrl,
    OPENAI_API_KEY: "sk-workers",
    OPENAI_MODEL: "test-mini",
    TELEGRAM_API_ROOT: tg.apiRoot,
    API_RATE_LIMIT_PER_MINUTE: "100000",
    API_ADDRESS_RATE_LIMIT_PER_MINUTE: "100000",
  };
  const created = await runLumenCli(env, ["api-key", "create", "--name", "workers", "--key-role", "owner"]);
  expect(created.code, created.stderr).toBe(0);
  key = created.stdout.trim();
  // Generous: a fresh database is migrated here, slow on a busy CI machine.
}, 400_000);

afterAll(async () => {
  await ai?.close();
  await tg?.close();
  await home?.cleanup();
});

/** Asks `count` questions at once, spread over `users`, each on a connection of its own. */
async function askMany(lumen: LumenProcess, users: string[], count: number): Promise<number[]> {
  return Promise.all(
    Array.from({ length: count }, (_, n) =>
      fetch(`${lumen.url}/api/v1/assistant/messages`, {
        method: "POST",
        headers: { "x-auth-key": key, "content-type": "application/json", connection: "close" },
        body: JSON.stringify({ user_id: users[n % users.length], text: `Question ${n}` }),
      }).then((r) => r.status),
    ),
  );
}

describe.runIf(onPostgres)("--workers 2 on PostgreSQL", () => {
  it("serves from both processes, polls each bot from one, keeps the money right and stops cleanly", async () => {
    const first = tg.createBot({ username: "workers_one_bot", firstName: "One" });
    const lumen = await startLumen({ ...env, BOT_TOKEN: first.token }, ["start", "--workers", "2"]);
    try {
      const up = await lumen.waitForLog((l) => l.msg === "Lumen runs 2 processes", 300_000);
      const pids = up.pids as number[];
      expect(pids).toHaveLength(2);

      const userIds: string[] = [];
      for (let i = 0; i < 6; i++) {
        const user = await callApi(lumen, key, "POST", "/api/v1/users", {
          telegram_id: 9_200_000 + i,
          first_name: `Worker user ${i}`,
        });
        await callApi(lumen, key, "POST", `/api/v1/users/${user.body.id}/credits/adjustments`, {
          amount: 50,
          reason: "test",
          idempotency_key: `workers-${i}`,
        });
        userIds.push(user.body.id);
      }
      expect(await askMany(lumen, userIds, 24)).toEqual(Array(24).fill(200));
      // Every request is logged by the process that served it: both did.
      const served = new Set(lumen.logs.filter((l) => l.msg === "request completed").map((l) => l.pid));
      expect([...served].sort()).toEqual([...pids].sort());

      // Bots added over HTTP land on either process; each is polled by exactly one and answers once.
      const added = ["workers_two_bot", "workers_three_bot", "workers_four_bot"].map((username) =>
        tg.createBot({ username, firstName: username }),
      );
      for (const bot of added) {
        const response = await fetch(`${lumen.url}/api/v1/bots`, {
          method: "POST",
          headers: { "x-auth-key": key, "content-type": "application/json", connection: "close" },
          body: JSON.stringify({ token: bot.token }),
        });
        expect(response.status).toBe(201);
      }
      for (const bot of [first, ...added]) {
        await tg.waitForPolling(bot, { timeoutMs: 20_000 });
        const user = tg.createUser({ firstName: "Vera", languageCode: "en" });
        expect(textOf(await say(tg, bot, user, "/start"))).toContain("Hi, Vera!");
        expect(
          tg.calls.filter((c) => c.method === "sendMessage" && c.params.chat_id === user.id),
        ).toHaveLength(1);
      }

      // Stopped under load: the questions in flight finish in whichever process took them.
      ai.setDelay(800);
      const before = ai.requests.length;
      const late = askMany(lumen, userIds, 12);
      await vi.waitFor(() => expect(ai.requests.length - before).toBe(12), { timeout: 30_000 });
      const exited = lumen.stop("SIGTERM");
      expect(await late).toEqual(Array(12).fill(200));
      expect(await exited, lumen.stderr()).toBe(0);
      const text = `${lumen.stderr()}\n${lumen.logs.map((l) => JSON.stringify(l)).join("\n")}`;
      expect(text).not.toContain("Cannot use a pool after calling end");
      expect(text).not.toContain("terminated by other getUpdates");
      expect(lumen.logs.filter((l) => l.msg === "stopped cleanly").map((l) => l.pid)).toEqual(
        expect.arrayContaining([...pids, lumen.child.pid]),
      );
    } finally {
      await lumen.stop();
    }

    const database = await openDatabase({ driver: "postgres", url: env.DATABASE_URL as string, poolSize: 2 });
    try {
      const query = queryThrough(database.db);
      expect(await query("select status, count(*)::int as n from messages_log group by status")).toEqual([
        { status: "delivered", n: 36 },
      ]);
      expect(await findBrokenInvariants(query)).toEqual([]);
    } finally {
      await database.close();
    }
  }, 600_000);
});

describe.runIf(!onPostgres)("--workers 2 on PGlite", () => {
  it("runs one process and says why", async () => {
    const lumen = await startLumen({ ...env, DATABASE_URL: "" }, ["start", "--workers", "2"]);
    try {
      expect(
        lumen.logs.some((l) => l.msg.startsWith("one process, not 2 (--workers): the embedded database")),
      ).toBe(true);
      expect((await fetch(`${lumen.url}/api/health`)).status).toBe(200);
    } finally {
      expect(await lumen.stop()).toBe(0);
    }
  }, 120_000);
});
