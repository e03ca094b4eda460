import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { createSecretBox, registerBot, systemActor, systemClock } from "@lumen/core";
import { bots } from "@lumen/db";
import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import { createTelegramEmulator, type TelegramEmulator } from "@lumen/testkit";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBotApis } from "../src/bot/bot-apis.ts";
import { createBotRuntime } from "../src/bot/bot-runtime.ts";
import { createMetrics } from "../src/http/metrics.ts";
import { createJobOutbox } from "../src/jobs/outbox.ts";
import { createLogger } from "../src/log/logger.ts";
import { createSecretRegistry } from "../src/log/secret-registry.ts";
import { testAssistantConfig } from "./support/test-app.ts";

let database: TestDatabase;
let tg: TelegramEmulator;
const lines: string[] = [];
const secretBox = createSecretBox(randomBytes(32));
const secrets = createSecretRegistry();

beforeAll(async () => {
  database = await createTestDatabase();
  tg = await createTelegramEmulator();
});
afterAll(async () => {
  await tg?.close();
  await database?.close();
});

function runtimeFor() {
  const core = { db: database.db, clock: systemClock, outbox: createJobOutbox() };
  const logger = createLogger({
    level: "info",
    secrets,
    destination: new Writable({
      write(chunk, _e, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  });
  const botApis = createBotApis({ core, secretBox, secrets, apiRoot: tg.apiRoot });
  const runtime = createBotRuntime({
    core,
    assistant: { chat: undefined, config: testAssistantConfig },
    enqueue: async () => {},
    shop: { telegramProviderToken: undefined, yookassa: undefined, mock: false },
    access: { graceMs: 0 },
    referrals: { percent: 10, holdDays: 14 },
    limits: { questionsPerMinute: 1000, checkoutsPerMinute: 1000 },
    secretBox,
    secrets,
    botApis,
    metrics: createMetrics(),
    logger,
    apiRoot: tg.apiRoot,
    throttle: { globalPerSecond: 1000, perChatPerSecond: 1000 },
    storeBaseUrlFor: () => undefined,
    mode: { kind: "polling" },
  });
  return { core, runtime, botApis };
}

describe("bot tokens in the runtime", () => {
  it("skips a bot whose token does not decrypt, logs it without secrets, and starts the others", async () => {
    const { core, runtime } = runtimeFor();
    const good = tg.createBot({ username: "good_bot", firstName: "Good" });
    const bad = tg.createBot({ username: "bad_bot", firstName: "Bad" });
    const savedGood = await registerBot(core, systemActor, secretBox, {
      token: good.token,
      me: { id: good.id, username: good.username, firstName: "Good" },
    });
    const savedBad = await registerBot(core, systemActor, createSecretBox(randomBytes(32)), {
      token: bad.token,
      me: { id: bad.id, username: bad.username, firstName: "Bad" },
    });
    await runtime.start();
    try {
      expect(runtime.runningBots()).toEqual([savedGood.id]);
      const skipped = lines.map((l) => JSON.parse(l)).find((l) => l.botId === savedBad.id);
      expect(skipped).toMatchObject({
        level: 50,
        bot: "bad_bot",
        msg: "bot skipped: its token is unreadable",
      });
      expect(lines.join("")).not.toContain(bad.token);
    } finally {
      await runtime.stop();
      await database.db.delete(bots).where(eq(bots.id, savedBad.id));
    }
  });

  it("drops a cached API client when the token is registered again, or Telegram answers 401", async () => {
    const { runtime, botApis } = runtimeFor();
    const handle = tg.createBot({ username: "cached_bot", firstName: "Cached" });
    const saved = await runtime.addBot(systemActor, { token: handle.token });
    try {
      const first = await botApis.apiFor(saved.id);
      expect(await botApis.apiFor(saved.id)).toBe(first);
      await runtime.addBot(systemActor, { token: handle.token });
      const second = await botApis.apiFor(saved.id);
      expect(second).not.toBe(first);
      tg.failNext("getChat", { error_code: 401, description: "Unauthorized" }, { bot: handle });
      await expect(second.getChat(1)).rejects.toThrow();
      expect(await botApis.apiFor(saved.id)).not.toBe(second);
    } finally {
      await runtime.stop();
    }
  });
});
