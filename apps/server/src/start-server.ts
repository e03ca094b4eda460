import {
  generateSetupCode,
  isSetupOpen,
  LumenError,
  resealBotTokens,
  systemActor,
  systemClock,
} from "@lumen/core";
import { buildApp } from "./app.ts";
import { createAssistantDeps } from "./assistant-deps.ts";
import type { ApiRoot } from "./bot/api-root.ts";
import { createBotApis } from "./bot/bot-apis.ts";
import { createBotRuntime } from "./bot/bot-runtime.ts";
import { type StoreBaseUrlFor, storeBaseUrlOf } from "./bot/store-url.ts";
import { createTelegramBroadcastSender } from "./broadcasts/telegram-sender.ts";
import type { WorkerLink } from "./cluster/worker-link.ts";
import { isWebhookMode } from "./config.ts";
import { createMetrics } from "./http/metrics.ts";
import { accessEndedNoticeJob, accessReminderJob } from "./jobs/access-notices.ts";
import { accessSweepJob } from "./jobs/access-sweep.ts";
import { broadcastSendJob, broadcastSweepJob, campaignSweepJob } from "./jobs/broadcasts.ts";
import { sendCertificateJob } from "./jobs/course-certificate.ts";
import { courseChatAccessJob } from "./jobs/course-chat-access.ts";
import { routeSubmissionJob, sendFeedbackJob } from "./jobs/course-homework.ts";
import { courseLessonsJob } from "./jobs/course-lessons.ts";
import { courseOnboardingJob } from "./jobs/course-onboarding.ts";
import { refreshReviewCardJob } from "./jobs/course-review-card.ts";
import { expireOrdersJob } from "./jobs/expire-orders.ts";
import { issueChatInvitesJob } from "./jobs/issue-chat-invites.ts";
import { createEnqueue, type JobRunner, startJobRunner } from "./jobs/job-runner.ts";
import { mockPaymentJob } from "./jobs/mock-payment.ts";
import { paymentNoticesJob } from "./jobs/payment-notices.ts";
import { pruneEventsJob } from "./jobs/prune-events.ts";
import { pruneRateLimitsJob } from "./jobs/prune-rate-limits.ts";
import { pruneSessionsJob } from "./jobs/prune-sessions.ts";
import { releaseStaleQuestionsJob } from "./jobs/release-stale-questions.ts";
import { resumeRefundsJob } from "./jobs/resume-refunds.ts";
import { taskJobs } from "./jobs/task-jobs.ts";
import { userMessageJob } from "./jobs/user-message.ts";
import { renderStartBanner } from "./log/start-banner.ts";
import type { Runtime } from "./open-runtime.ts";
import { createProviderRefund } from "./payments/refund-at-provider.ts";
import { yookassaReconcileJob, yookassaSyncJob } from "./payments/yookassa-jobs.ts";
import { createYooKassaSettings } from "./payments/yookassa-settings.ts";
import { decidePlayground } from "./playground/playground-mode.ts";
import { startPlayground } from "./playground/start-playground.ts";
import { releaseStartMemory } from "./release-start-memory.ts";
import { describeSettings } from "./settings/describe-settings.ts";
import { version } from "./version.ts";

export type Role = "all" | "api" | "worker";

/**
 * Starts the parts of Lumen this process's role runs and stops them in reverse on
 * SIGTERM/SIGINT: HTTP first (in-flight requests finish, no new webhook starts work), then the
 * bots (polling stops, taken updates and answers finish), then jobs, then the database.
 */
export async function startServer(runtime: Runtime, role: Role, link?: WorkerLink): Promise<void> {
  const { config, logger, core } = runtime;
  /** The one process that speaks for the program (banner, setup code, notes): not every worker. */
  const speaks = !link || link.slot === 0;
  // Tokens sealed before the bot id was bound as associated data are upgraded (idempotent).
  const upgraded = await resealBotTokens(core, systemActor, {
    from: runtime.secretBox,
    to: runtime.secretBox,
  });
  if (upgraded.resealed > 0)
    logger.info({ bots: upgraded.resealed }, "bot tokens resealed bound to their bot ids");
  const metrics = createMetrics();
  const decision = await decidePlayground(config, core, role);
  const playground = decision.run ? await startPlayground({ core, logger }) : undefined;
  const apiRoot: ApiRoot = playground
    ? (token) => playground.apiRootFor(token, config.TELEGRAM_API_ROOT)
    : config.TELEGRAM_API_ROOT;
  // The demo bot's Mini App: on the emulator (Telegram's test environment) plain http will do.
  const playgroundStore = playground
    ? `${(config.PUBLIC_URL ?? `http://${config.HOST === "0.0.0.0" || config.HOST === "::" ? "localhost" : config.HOST}:${config.PORT}`).replace(/\/+$/, "")}/app`
    : undefined;
  const publicStore = storeBaseUrlOf(config.PUBLIC_URL);
  const storeBaseUrlFor: StoreBaseUrlFor = (token) =>
    playground && token === playground.bot.token ? playgroundStore : publicStore;
  const assistant = createAssistantDeps(config, logger, { playground: playground !== undefined });
  const yookassa = createYooKassaSettings(config);
  const botApis = createBotApis({
    core,
    secretBox: runtime.secretBox,
    secrets: runtime.secrets,
    apiRoot,
  });
  // Every job is sent through the core's outbox, attached to pg-boss when the runner starts.
  const enqueue = createEnqueue(core);
  const refundAtProvider = createProviderRefund({ core, botApis, yookassa });
  let jobs: JobRunner | undefined;
  const broadcastSender = createTelegramBroadcastSender({
    botApis,
    storeBaseUrlFor,
    publicUrl: config.PUBLIC_URL,
  });
  const jobDefinitions = [
    pruneSessionsJob(core),
    pruneEventsJob(core, config.ANALYTICS_RETENTION_DAYS),
    pruneRateLimitsJob(core),
    releaseStaleQuestionsJob(core, assistant.config),
    paymentNoticesJob({ core, botApis, adminChatId: config.ADMIN_CHAT_ID, publicUrl: config.PUBLIC_URL }),
    mockPaymentJob({ core }),
    userMessageJob({ core, botApis }),
    broadcastSendJob({ core, sender: broadcastSender }),
    broadcastSweepJob({ core }),
    campaignSweepJob({ core, sender: broadcastSender }),
    issueChatInvitesJob({ core, botApis }),
    accessReminderJob({ core, botApis }),
    accessEndedNoticeJob({ core, botApis }),
    expireOrdersJob(core),
    ...taskJobs({ core, botApis, adminChatId: config.ADMIN_CHAT_ID }),
    resumeRefundsJob({ core, refundAtProvider }),
    courseOnboardingJob({ core, botApis }),
    courseChatAccessJob({ core, botApis, logger }),
    routeSubmissionJob({ core, botApis }),
    refreshReviewCardJob({ core, botApis }),
    sendCertificateJob({ core, botApis, publicUrl: config.PUBLIC_URL }),
    sendFeedbackJob({ core, botApis }),
    courseLessonsJob({
      core,
      botApis,
      logger,
      throttle: {
        globalPerSecond: config.TELEGRAM_GLOBAL_RATE_PER_SECOND,
        perChatPerSecond: config.TELEGRAM_CHAT_RATE_PER_SECOND,
      },
    }),
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
    recordEvents: config.ANALYTICS_EVENTS,
    limits: {
      questionsPerMinute: config.BOT_QUESTIONS_PER_MINUTE,
      checkoutsPerMinute: config.BOT_CHECKOUTS_PER_MINUTE,
    },
    secretBox: runtime.secretBox,
    secrets: runtime.secrets,
    botApis,
    metrics,
    logger,
    apiRoot,
    throttle: {
      globalPerSecond: config.TELEGRAM_GLOBAL_RATE_PER_SECOND,
      perChatPerSecond: config.TELEGRAM_CHAT_RATE_PER_SECOND,
    },
    storeBaseUrlFor,
    mode: isWebhookMode(config)
      ? { kind: "webhook", publicUrl: config.PUBLIC_URL as string }
      : // Telegram allows one getUpdates per bot: only slot 0 of a cluster polls.
        { kind: "polling", ...(link && link.slot !== 0 ? { pollElsewhere: link.reloadBotElsewhere } : {}) },
  });
  link?.onReloadBot((botId) => {
    botApis.forget(botId);
    bots
      .reloadBot(botId)
      .catch((error: unknown) => logger.error({ botId, err: error }, "bot could not be reloaded"));
  });
  // First run: no operator yet, so the panel's /admin/setup needs this code (printed once, here).
  // In a cluster the first worker makes it and the others take it, so the printed code works on each.
  const setupCode =
    link?.setupCode ?? (role !== "worker" && (await isSetupOpen(core)) ? generateSetupCode() : undefined);
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
          broadcastSender,
          referrals: { percent: config.REFERRAL_PERCENT, holdDays: config.REFERRAL_HOLD_DAYS },
          yookassa,
          shop,
          initDataMaxAgeSeconds: config.INIT_DATA_MAX_AGE_SECONDS,
          yookassaAllowedIps: config.YOOKASSA_ALLOWED_IPS,
          testControls: runtime.clock ? { clock: runtime.clock, jobs: jobDefinitions } : undefined,
          sessionClock: playground ? systemClock : undefined,
          playground:
            playground && runtime.movableClock
              ? {
                  playground,
                  timeTravel: {
                    clock: runtime.movableClock,
                    async runDueJobs() {
                      for (const job of jobDefinitions)
                        if (job.name === "access-sweep" || job.name === "expire-orders")
                          await job.handler({});
                    },
                  },
                }
              : undefined,
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
    await playground?.close();
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
    // The demo bot first: its row from an earlier run holds an old emulator token until then.
    if (playground) await playground.connect(bots);
    await bots.start();
  }

  const running = bots.runningBots().length;
  const realBots = running - (playground ? 1 : 0);
  const pretty = runtime.logFormat === "pretty";
  if (app) {
    await app.listen({ port: config.PORT, host: config.HOST });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : config.PORT;
    const base = `http://${config.HOST === "0.0.0.0" || config.HOST === "::" ? "localhost" : config.HOST}:${port}`;
    const publicBase = config.PUBLIC_URL?.replace(/\/$/, "") ?? base;
    logger.info(
      { url: base, port, role, version },
      `Lumen is up: API ${base}/api/v1, docs ${base}/api/docs, health ${base}/api/health`,
    );
    link?.ready({ playground: playground !== undefined, setupCode });
    // The other workers of a cluster say only that they are up; slot 0 prints the banner and notes.
    if (speaks && pretty) {
      process.stdout.write(
        renderStartBanner({
          version,
          base,
          publicBase,
          playgroundBot: playground?.bot.username,
          setupCode,
          realBots: runsBots ? realBots : 0,
          color: process.stdout.isTTY === true,
        }),
      );
    } else if (speaks) {
      logger.info({ url: `${base}/admin/` }, `Admin panel: ${base}/admin/`);
      if (setupCode) {
        const setupUrl = `${publicBase}/admin/setup`;
        logger.warn(
          { setupUrl },
          `No operator yet. Setup code: ${setupCode} (open ${setupUrl} to create the owner)`,
        );
      }
      if (playground) {
        logger.info(
          { url: `${publicBase}/admin/playground`, bot: playground.bot.username },
          `Playground: ${publicBase}/admin/playground (the demo bot @${playground.bot.username} on a built-in Telegram emulator)`,
        );
      }
    }
  }
  if (!app) logger.info({ role, version }, "Lumen worker is up: processing jobs");
  if (runsBots && realBots === 0 && !pretty && speaks) {
    logger.info(
      "No bot is connected yet. Create one with @BotFather, then restart with BOT_TOKEN=<token> (or POST /api/v1/bots).",
    );
  }
  if (runsBots && running > 0) {
    logger.info({ bots: running, mode: isWebhookMode(config) ? "webhook" : "polling" }, "bots running");
  }
  releaseStartMemory();
}
