import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { createSecretBox, registerBot, systemActor, systemClock } from "@lumen/core";
import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import { createTelegramEmulator, type TelegramEmulator } from "@lumen/testkit";
import { Api } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBotApis } from "../src/bot/bot-apis.ts";
import { createBotRuntime } from "../src/bot/bot-runtime.ts";
import { createMetrics } from "../src/http/metrics.ts";
import { createJobOutbox } from "../src/jobs/outbox.ts";
import { createLogger } from "../src/log/logger.ts";
import { addConfigSecrets, createSecretRegistry, MASK } from "../src/log/secret-registry.ts";
import { testAssistantConfig } from "./support/test-app.ts";

/** Everything the logger wrote, line by line, as the process would have printed it. */
function captureLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { stream, text: () => lines.join("\n") };
}

describe("secrets are masked by value in every log line", () => {
  let database: TestDatabase;
  let tg: TelegramEmulator;
  beforeAll(async () => {
    database = await createTestDatabase();
    tg = await createTelegramEmulator();
  });
  afterAll(async () => {
    await tg?.close();
    await database?.close();
  });

  it("hides a bot token inside a nested network error (the URL /bot<token>/getMe)", async () => {
    const secrets = createSecretRegistry();
    const log = captureLog();
    const logger = createLogger({ level: "info", secrets, destination: log.stream });
    const core = { db: database.db, clock: systemClock, outbox: createJobOutbox() };
    const secretBox = createSecretBox(randomBytes(32));
    // Nothing listens on port 9: every call fails with ECONNREFUSED and a URL holding the token.
    const apiRoot = "http://127.0.0.1:9";
    const bots = createBotRuntime({
      core,
      assistant: { chat: undefined, config: testAssistantConfig },
      enqueue: async () => {},
      shop: { telegramProviderToken: undefined, yookassa: undefined, mock: false },
      access: { graceMs: 0 },
      referrals: { percent: 10, holdDays: 14 },
      limits: { questionsPerMinute: 1000, checkoutsPerMinute: 1000 },
      secretBox,
      secrets,
      metrics: createMetrics(),
      logger,
      apiRoot,
      throttle: { globalPerSecond: 1000, perChatPerSecond: 1000 },
      storeBaseUrlFor: () => undefined,
      mode: { kind: "polling" },
    });
    // The runtime learns a token before it first uses it (here: asking Telegram who it is).
    const token = `7100200300:${randomBytes(26).toString("base64url")}`;
    await expect(bots.addBot(systemActor, { token })).rejects.toMatchObject({ code: "UPSTREAM_FAILED" });
    const error = await new Api(token, { apiRoot }).getMe().catch((e: unknown) => e);
    logger.error({ err: error }, "bot could not start");
    // A token loaded from the database for jobs is learnt the same way.
    const stored = `7100200301:${randomBytes(26).toString("base64url")}`;
    const saved = await registerBot(core, systemActor, secretBox, {
      token: stored,
      me: { id: 7100200301, username: "stored_bot", firstName: "Stored" },
    });
    await createBotApis({ core, secretBox, secrets, apiRoot }).apiFor(saved.id);
    logger.warn({ detail: `request to ${apiRoot}/bot${stored}/sendMessage failed` }, "job failed");
    await bots.stop();
    const text = log.text();
    expect(text).toContain("ECONNREFUSED");
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.split(":")[1]);
    expect(text).not.toContain(stored);
    expect(text).toContain(`/bot${MASK}/getMe`);
    expect(text).toContain(`/bot${MASK}/sendMessage`);
  });

  it("hides the payment provider token in the payload of a 400 from Telegram", async () => {
    const providerToken = `284685063:TEST:${randomBytes(12).toString("hex")}`;
    const secrets = createSecretRegistry();
    addConfigSecrets(secrets, { TELEGRAM_PROVIDER_TOKEN: providerToken });
    const log = captureLog();
    const logger = createLogger({ level: "info", secrets, destination: log.stream });
    const bot = tg.createBot({ username: "shop_bot", firstName: "Shop" });
    secrets.add(bot.token);
    const api = new Api(bot.token, { apiRoot: tg.apiRoot });
    const error = await api
      .createInvoiceLink("a title far longer than Telegram's limit of 32", "d", "p", providerToken, "RUB", [
        { label: "x", amount: 100 },
      ])
      .catch((e: unknown) => e);
    logger.error({ err: error }, "invoice failed");
    const text = log.text();
    expect(text).toContain("INVOICE_TITLE_INVALID");
    expect(text).not.toContain(providerToken);
    expect(text).toContain(MASK);
  });

  it("hides the password of DATABASE_URL, also URL-encoded", () => {
    const secrets = createSecretRegistry();
    addConfigSecrets(secrets, { DATABASE_URL: "postgres://lumen:p%40ss-w0rd%2Fx@db:5432/lumen" });
    expect(secrets.mask("connect postgres://lumen:p%40ss-w0rd%2Fx@db failed")).toBe(
      `connect postgres://lumen:${MASK}@db failed`,
    );
    expect(secrets.mask('{"msg":"auth failed for p@ss-w0rd/x"}')).toBe(`{"msg":"auth failed for ${MASK}"}`);
  });
});
