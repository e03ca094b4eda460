import { randomBytes } from "node:crypto";
import {
  type AssistantDeps,
  type Clock,
  type CoreContext,
  createSecretBox,
  deriveKey,
  type SecretBox,
  systemClock,
  type YooKassaSettings,
} from "@lumen/core";
import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import type { FastifyInstance } from "fastify";
import pino from "pino";
import { buildApp } from "../../src/app.ts";
import { type BotApis, createBotApis } from "../../src/bot/bot-apis.ts";
import { createBotRuntime } from "../../src/bot/bot-runtime.ts";
import { createTelegramBroadcastSender } from "../../src/broadcasts/telegram-sender.ts";
import { parseConfig } from "../../src/config.ts";
import type { ApiRateLimits } from "../../src/http/api-rate-limit.ts";
import { createMetrics } from "../../src/http/metrics.ts";
import { createEnqueue, type JobRunner, startJobRunner } from "../../src/jobs/job-runner.ts";
import { createJobOutbox } from "../../src/jobs/outbox.ts";
import { createSecretRegistry } from "../../src/log/secret-registry.ts";
import { createProviderRefund } from "../../src/payments/refund-at-provider.ts";
import { describeSettings } from "../../src/settings/describe-settings.ts";

export const testAssistantConfig: AssistantDeps["config"] = {
  trialMessages: 3,
  trialDays: null,
  models: [
    { id: "test-mini", price: 1 },
    { id: "test-max", price: 5 },
  ],
  defaultModel: "test-mini",
  contextTurns: 4,
  reservationTimeoutMs: 60_000,
};

export type TestApp = {
  app: FastifyInstance;
  secretBox: SecretBox;
  database: TestDatabase;
  /** The app's core: its outbox queues on a real pg-boss (no worker: jobs stay queued). */
  core: CoreContext;
  bots: ReturnType<typeof createBotRuntime>;
  /** pg-boss without a worker: run what is queued with runQueuedJobs(t.jobs.boss, ...). */
  jobs: JobRunner;
  botApis: BotApis;
  close(): Promise<void>;
};

/** The real HTTP app over a database of its own; requests go through app.inject. */
export async function createTestApp(
  options: {
    apiRoot?: string;
    clock?: Clock;
    loginLimitPerMinute?: number;
    /** SESSION_IDLE_TIMEOUT_MINUTES in milliseconds (the config's default otherwise). */
    sessionIdleTimeoutMs?: number;
    setupCode?: string;
    publicUrl?: string;
    apiRateLimits?: ApiRateLimits;
    metricsToken?: string;
    assistant?: AssistantDeps;
    questionsPerMinute?: number;
    yookassa?: YooKassaSettings;
    yookassaAllowedIps?: string;
    trustProxy?: false | string[];
    /** Share another app's database (two API processes on one database); closed by its owner. */
    database?: TestDatabase;
    /** Bots by webhook at this public URL (loaded on their first update), or polling by default. */
    webhookUrl?: string;
    /** Environment the Settings page describes (parsed like the server's). */
    env?: Record<string, string>;
    mode?: { kind: "polling" } | { kind: "webhook"; publicUrl: string };
    /** Ways to pay beyond Stars: a Telegram Payments provider token, mock payments. */
    shop?: { telegramProviderToken?: string; mock?: boolean };
    initDataMaxAgeSeconds?: number;
    /** The Mini App store's base address the bots link to (`https://…/app`). */
    storeBaseUrl?: string;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const master = randomBytes(32);
  const outbox = createJobOutbox();
  const core = { db: database.db, clock: options.clock ?? systemClock, outbox };
  const metrics = createMetrics();
  const logger = pino({ level: "silent" });
  const jobs = await startJobRunner({ database, logger, metrics, jobs: [], work: false, outbox });
  const enqueue = createEnqueue(core);
  const secretBox = createSecretBox(master);
  const secrets = createSecretRegistry();
  const botApis = createBotApis({
    core,
    secretBox,
    secrets,
    apiRoot: options.apiRoot ?? "http://127.0.0.1:9",
  });
  const assistant = options.assistant ?? { chat: undefined, config: testAssistantConfig };
  const shop = {
    telegramProviderToken: options.shop?.telegramProviderToken,
    yookassa: options.yookassa,
    mock: options.shop?.mock ?? false,
  };
  const bots = createBotRuntime({
    core,
    assistant,
    enqueue,
    shop,
    access: { graceMs: 0 },
    referrals: { percent: 10, holdDays: 14 },
    limits: { questionsPerMinute: 1000, checkoutsPerMinute: 1000 },
    secretBox,
    secrets,
    metrics,
    logger,
    apiRoot: options.apiRoot ?? "http://127.0.0.1:9",
    throttle: { globalPerSecond: 1000, perChatPerSecond: 1000 },
    storeBaseUrlFor: () => options.storeBaseUrl,
    mode:
      options.mode ??
      (options.webhookUrl ? { kind: "webhook", publicUrl: options.webhookUrl } : { kind: "polling" }),
  });
  const app = await buildApp({
    core,
    assistant,
    questionsPerMinute: options.questionsPerMinute ?? 1000,
    yookassa: options.yookassa,
    yookassaAllowedIps: options.yookassaAllowedIps ?? "*",
    enqueue,
    refundAtProvider: createProviderRefund({ core, botApis, yookassa: options.yookassa }),
    botApis,
    broadcastSender: createTelegramBroadcastSender({ botApis, storeBaseUrlFor: () => options.storeBaseUrl }),
    shop,
    initDataMaxAgeSeconds: options.initDataMaxAgeSeconds ?? 86_400,
    referrals: { percent: 10, holdDays: 14 },
    database,
    bots,
    metrics,
    logger,
    sessionKey: deriveKey(master, "session-jwt"),
    buyerSessionKey: deriveKey(master, "buyer-session-jwt"),
    sessionIdleTimeoutMs:
      options.sessionIdleTimeoutMs ?? parseConfig({}).SESSION_IDLE_TIMEOUT_MINUTES * 60_000,
    version: "test",
    secureCookies: false,
    trustProxy: options.trustProxy ?? false,
    loginLimitPerMinute: options.loginLimitPerMinute ?? 100,
    settings: describeSettings({
      config: parseConfig({
        ...(options.mode?.kind === "webhook" ? { PUBLIC_URL: options.mode.publicUrl } : {}),
        ...options.env,
      }),
      assistant: assistant.config,
      version: "test",
      driver: database.driver,
    }),
    setupCode: options.setupCode,
    publicUrl: options.publicUrl,
    metricsToken: options.metricsToken,
    apiRateLimits: options.apiRateLimits ?? { perKeyPerMinute: 100_000, perAddressPerMinute: 100_000 },
  });
  await app.ready();
  return {
    app,
    secretBox,
    database,
    core,
    bots,
    jobs,
    botApis,
    async close() {
      await bots.stop();
      await app.close();
      await jobs.stop();
      if (!options.database) await database.close();
    },
  };
}
