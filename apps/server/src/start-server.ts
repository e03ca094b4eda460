import { generateSetupCode, isSetupOpen, LumenError, resealBotTokens, systemActor } from "@lumen/core";
import { buildApp } from "./app.ts";
import { createAssistantDeps } from "./assistant-deps.ts";
import { createBotApis } from "./bot/bot-apis.ts";
import { createBotRuntime } from "./bot/bot-runtime.ts";
import { storeBaseUrlOf } from "./bot/store-url.ts";
import { isWebhookMode } from "./config.ts";
import { createMetrics } from "./http/metrics.ts";
import { accessEndedNoticeJob, accessReminderJob } from "./jobs/access-notices.ts";
import { accessSweepJob } from "./jobs/access-sweep.ts";
import { expireOrdersJob } from "./jobs/expire-orders.ts";
import { issueChatInvitesJob } from "./jobs/issue-chat-invites.ts";
import { createEnqueue, type JobRunner, startJobRunner } from "./jobs/job-runner.ts";
import { mockPaymentJob } from "./jobs/mock-payment.ts";
import { paymentNoticesJob } from "./jobs/payment-notices.ts";
import { pruneRateLimitsJob } from "./jobs/prune-rate-limits.ts";
import { pruneSessionsJob } from "./jobs/prune-sessions.ts";
import { releaseStaleQuestionsJob } from "./jobs/release-stale-questions.ts";
import { resumeRefundsJob } from "./jobs/resume-refunds.ts";
import { userMessageJob } from "./jobs/user-message.ts";
import type { Runtime } from "./open-runtime.ts";
import { createProviderRefund } from "./payments/refund-at-provider.ts";
import { yookassaReconcileJob, yookassaSyncJob } from "./payments/yookassa-jobs.ts";
import { createYooKassaSettings } from "./payments/yookassa-settings.ts";
import { describeSettings } from "./settings/describe-settings.ts";
import { version } from "./version.ts";

export type Role = "all" | "api" | "worker";

/**
 * Starts the parts of Lumen this process's role runs and stops them in reverse on
 * SIGTERM/SIGINT: HTTP first (in-flight requests finish, no new webhook starts work), then the
 * bots (polling stops, taken updates and answers finish), then jobs, then the database.
 */
export async function startServer(runtime: Runtime, role: Role): Promise<void> {
  const { config, logger, core } = runtime;
  // Tokens sealed before the bot id was bound as associated data are upgraded (idempotent).
  const upgraded = await resealBotTokens(core, systemActor, {
    from: runtime.secretBox,
    to: runtime.secretBox,
  });
  if (upgraded.resealed > 0)
    logger.info({ bots: upgraded.resealed }, "bot tokens resealed bound to their bot ids");
  const metrics = createMetrics();
  const assistant = createAssistantDeps(config, logger);
  const yookassa = createYooKassaSettings(config);
  const botApis = createBotApis({
    core,
    secretBox: runtime.secretBox,
    secrets: runtime.secrets,
    apiRoot: config.TELEGRAM_API_ROOT,
  });
  // Every job is sent through the core's outbox, attached to pg-boss when the runner starts.
  const enqueue = createEnqueue(core);
  const refundAtProvider = createProviderRefund({ core, botApis, yookassa });
  let jobs: JobRunner | undefined;
  const jobDefinitions = [
    pruneSessionsJob(core),
    pruneRateLimitsJob(core),
    releaseStaleQuestionsJob(core, assistant.config),
    paymentNoticesJob({ core, botApis, adminChatId: config.ADMIN_CHAT_ID, publicUrl: config.PUBLIC_URL }),
    mockPaymentJob({ core }),
    userMessageJob({ core, botApis }),
    issueChatInvitesJob({ core, botApis }),
    accessReminderJob({ core, botApis }),
    accessEndedNoticeJob({ core, botApis }),
    expireOrdersJob(core),
    resumeRefundsJob({ core, refundAtProvider }),
    accessSweepJob({
      core,
      botApis,
      logger,
      reminderDays: config.ACCESS_REMINDER_DAYS,
      graceMs: config.ACCESS_GRACE_MINUTES * 60_000,
    }),
    ...(yookassa
      ? [
          yookassaSyncJob({ core, yookassa }),
          yookassaReconcileJob({
            core,
            yookassa,
            afterMinutes: config.YOOKASSA_RECONCILE_AFTER_MINUTES,
          }),
        ]
      : []),
  ];
  jobs = await startJobRunner({
    database: runtime.database,
    logger,
    metrics,
    jobs: jobDefinitions,
    work: role !== "api",
    outbox: runtime.outbox,
  });
  const shop = {
    telegramProviderToken: config.TELEGRAM_PROVIDER_TOKEN,
    yookassa,
    mock: config.PAYMENTS_MOCK,
  };
  const bots = createBotRuntime({
    core,
    assistant,
    enqueue,
    shop,
    access: { graceMs: config.ACCESS_GRACE_MINUTES * 60_000 },
    referrals: { percent: config.REFERRAL_PERCENT, holdDays: config.REFERRAL_HOLD_DAYS },
    limits: {
      questionsPerMinute: config.BOT_QUESTIONS_PER_MINUTE,
      checkoutsPerMinute: config.BOT_CHECKOUTS_PER_MINUTE,
    },
    secretBox: runtime.secretBox,
    secrets: runtime.secrets,
    botApis,
    metrics,
    logger,
    apiRoot: config.TELEGRAM_API_ROOT,
    throttle: {
      globalPerSecond: config.TELEGRAM_GLOBAL_RATE_PER_SECOND,
      perChatPerSecond: config.TELEGRAM_CHAT_RATE_PER_SECOND,
    },
    storeBaseUrl: storeBaseUrlOf(config.PUBLIC_URL),
    mode: isWebhookMode(config)
      ? { kind: "webhook", publicUrl: config.PUBLIC_URL as string }
      : { kind: "polling" },
  });
  // First run: no operator yet, so the panel's /admin/setup needs this code (printed once, here).
  const setupCode = role !== "worker" && (await isSetupOpen(core)) ? generateSetupCode() : undefined;
  const app =
    role === "worker"
      ? undefined
      : await buildApp({
          core,
          assistant,
          questionsPerMinute: config.BOT_QUESTIONS_PER_MINUTE,
          enqueue,
          refundAtProvider,
          botApis,
          referrals: { percent: config.REFERRAL_PERCENT, holdDays: config.REFERRAL_HOLD_DAYS },
          yookassa,
          shop,
          initDataMaxAgeSeconds: config.INIT_DATA_MAX_AGE_SECONDS,
          yookassaAllowedIps: config.YOOKASSA_ALLOWED_IPS,
          testControls: runtime.clock ? { clock: runtime.clock, jobs: jobDefinitions } : undefined,
          database: runtime.database,
          bots,
          metrics,
          logger,
          sessionKey: runtime.sessionKey,
          buyerSessionKey: runtime.buyerSessionKey,
          sessionIdleTimeoutMs: config.SESSION_IDLE_TIMEOUT_MINUTES * 60_000,
          version,
          secureCookies:
            config.NODE_ENV === "production" || config.PUBLIC_URL?.startsWith("https://") === true,
          trustProxy: config.TRUST_PROXY,
          loginLimitPerMinute: config.LOGIN_RATE_LIMIT_PER_MINUTE,
          settings: describeSettings({
            config,
            assistant: assistant.config,
            version,
            driver: runtime.database.driver,
          }),
          setupCode,
          publicUrl: config.PUBLIC_URL,
          metricsToken: config.METRICS_TOKEN,
          apiRateLimits: {
            perKeyPerMinute: config.API_RATE_LIMIT_PER_MINUTE,
            perAddressPerMinute: config.API_ADDRESS_RATE_LIMIT_PER_MINUTE,
          },
        });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const timer = setTimeout(() => {
      logger.error("shutdown took too long; exiting");
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    // New requests first: no webhook may start work (or relaunch a bot) once we are stopping.
    await app?.close();
    logger.info("http closed");
    // Then polling, the updates already taken and the answers they started.
    await bots.stop();
    logger.info("bots stopped");
    await jobs?.stop();
    logger.info("jobs stopped");
    await runtime.close();
    logger.info("database closed");
    logger.info("stopped cleanly");
    process.exit(0);
  };
  // `on`, not `once`: under `npm start` the signal arrives twice (process group + npm forwarding it),
  // and a second one must not kill the process with the default handler mid-shutdown.
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));

  const runsBots = role === "all" || (role === "api" && isWebhookMode(config));
  if (runsBots) {
    if (config.BOT_TOKEN) {
      await bots.addBot(systemActor, { token: config.BOT_TOKEN }).catch((error: unknown) => {
        const message = error instanceof LumenError ? error.message : String(error);
        logger.error({ err: message }, "BOT_TOKEN could not be registered");
      });
    }
    await bots.start();
  }

  if (app) {
    await app.listen({ port: config.PORT, host: config.HOST });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : config.PORT;
    const base = `http://${config.HOST === "0.0.0.0" || config.HOST === "::" ? "localhost" : config.HOST}:${port}`;
    logger.info(
      { url: base, port, role, version },
      `Lumen is up: API ${base}/api/v1, docs ${base}/api/docs, health ${base}/api/health`,
    );
    logger.info({ url: `${base}/admin/` }, `Admin panel: ${base}/admin/`);
    if (setupCode) {
      const setupUrl = `${config.PUBLIC_URL?.replace(/\/$/, "") ?? base}/admin/setup`;
      logger.warn(
        { setupUrl },
        `No operator yet. Setup code: ${setupCode} (open ${setupUrl} to create the owner)`,
      );
    }
  }
  if (!app) logger.info({ role, version }, "Lumen worker is up: processing jobs");
  const running = bots.runningBots().length;
  if (runsBots && running === 0) {
    logger.info(
      "No bot is connected yet. Create one with @BotFather, then restart with BOT_TOKEN=<token> (or POST /api/v1/bots).",
    );
  } else if (runsBots) {
    logger.info({ bots: running, mode: isWebhookMode(config) ? "webhook" : "polling" }, "bots running");
  }
}
