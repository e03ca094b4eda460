import { randomUUID } from "node:crypto";
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import type {
  AssistantDeps,
  BroadcastSender,
  Clock,
  CoreContext,
  ProviderRefund,
  ReferralSettings,
  YooKassaSettings,
} from "@lumen/core";
import type { DatabaseHandle } from "@lumen/db";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Logger } from "pino";
import type { BotApis } from "./bot/bot-apis.ts";
import type { BotRuntime } from "./bot/bot-runtime.ts";
import type { ShopSettings } from "./bot/context.ts";
import { type ApiRateLimits, installApiRateLimits } from "./http/api-rate-limit.ts";
import { installAuth } from "./http/auth.ts";
import { installBuyerAuth } from "./http/buyer-auth.ts";
import { installCsrfGuard } from "./http/csrf.ts";
import { answerFrameworkError, installErrorHandler } from "./http/error-handler.ts";
import { trackInFlightHandlers } from "./http/in-flight-handlers.ts";
import { installMetrics, type Metrics } from "./http/metrics.ts";
import { installOpenApi } from "./http/openapi.ts";
import { installTextCheck } from "./http/refuse-unstorable-text.ts";
import { restrictOperations } from "./http/restrict-operations.ts";
import { installSecurityHeaders } from "./http/security-headers.ts";
import { adminApp, installWebApps, miniApp } from "./http/web-apps.ts";
import type { EnqueueJob } from "./jobs/job-runner.ts";
import { createIpAllowlist } from "./payments/ip-allowlist.ts";
import { analyticsRoutes } from "./routes/admin/analytics.ts";
import { analyticsReportRoutes } from "./routes/admin/analytics-reports.ts";
import { apiKeyRoutes } from "./routes/admin/api-keys.ts";
import { assistantRoutes } from "./routes/admin/assistant.ts";
import { auditRoutes } from "./routes/admin/audit.ts";
import { authRoutes } from "./routes/admin/auth.ts";
import { botFirstUpdateRoutes } from "./routes/admin/bot-first-update.ts";
import { botRoutes } from "./routes/admin/bots.ts";
import { broadcastRoutes } from "./routes/admin/broadcasts.ts";
import { campaignRoutes } from "./routes/admin/campaigns.ts";
import { channelRoutes } from "./routes/admin/channels.ts";
import { courseRoutes } from "./routes/admin/courses.ts";
import { lessonMediaRoutes } from "./routes/admin/lesson-media.ts";
import { operatorTelegramRoutes } from "./routes/admin/operator-telegram.ts";
import { operatorRoutes } from "./routes/admin/operators.ts";
import { orderAdminRoutes } from "./routes/admin/order-admin.ts";
import { orderRoutes } from "./routes/admin/orders.ts";
import { partnerRoutes } from "./routes/admin/partners.ts";
import { type PlaygroundRouteDeps, playgroundRoutes } from "./routes/admin/playground.ts";
import { playgroundEventRoutes } from "./routes/admin/playground-events.ts";
import { playgroundMiniAppRoutes } from "./routes/admin/playground-mini-app.ts";
import { productRoutes } from "./routes/admin/products.ts";
import { promoRoutes } from "./routes/admin/promos.ts";
import { settingsRoutes } from "./routes/admin/settings.ts";
import { setupRoutes } from "./routes/admin/setup.ts";
import { subscriptionAdminRoutes } from "./routes/admin/subscription-admin.ts";
import { taskSettingsRoutes } from "./routes/admin/task-settings.ts";
import { taskRoutes } from "./routes/admin/tasks.ts";
import { textRoutes } from "./routes/admin/texts.ts";
import { userAdminRoutes } from "./routes/admin/user-admin.ts";
import { userRoutes } from "./routes/admin/users.ts";
import { storeRoutes } from "./routes/app/store.ts";
import { storeAccountRoutes } from "./routes/app/store-account.ts";
import { storeAssistantRoutes } from "./routes/app/store-assistant.ts";
import { storeAuthRoutes } from "./routes/app/store-auth.ts";
import { storeManifestRoutes } from "./routes/app/store-manifest.ts";
import { storeProfileRoutes } from "./routes/app/store-profile.ts";
import { storeTaskRoutes } from "./routes/app/store-tasks.ts";
import { broadcastLinkRoutes } from "./routes/broadcast-links.ts";
import { healthRoutes } from "./routes/health.ts";
import { telegramWebhookRoutes } from "./routes/hooks/telegram.ts";
import { yookassaWebhookRoutes } from "./routes/hooks/yookassa.ts";
import { certificateRoutes } from "./routes/public/certificates.ts";
import { type TestControls, testControlRoutes } from "./routes/test-controls.ts";
import type { PublicSettings } from "./settings/describe-settings.ts";

export type AppDeps = {
  core: CoreContext;
  assistant: AssistantDeps;
  /** BOT_QUESTIONS_PER_MINUTE: the store's chat counts against the bot's limit. */
  questionsPerMinute: number;
  database: DatabaseHandle;
  bots: BotRuntime;
  enqueue: EnqueueJob;
  refundAtProvider: ProviderRefund;
  botApis: BotApis;
  /** Sends a broadcast's preview here and its messages in the job: one sender for both. */
  broadcastSender: BroadcastSender;
  referrals: ReferralSettings;
  yookassa: YooKassaSettings | undefined;
  /** The ways to pay this installation offers, the same for the bot and the store. */
  shop: ShopSettings;
  /** INIT_DATA_MAX_AGE_SECONDS: how old a Mini App's signed launch data may be. */
  initDataMaxAgeSeconds: number;
  /** YOOKASSA_ALLOWED_IPS: where YooKassa notifications may come from. */
  yookassaAllowedIps: string;
  testControls?: TestControls | undefined;
  /** The clock operator sessions are issued and checked by; the core's when unset. */
  sessionClock?: Clock | undefined;
  /** Playground mode only: the emulated Telegram the panel's playground page drives. */
  playground?: Omit<PlaygroundRouteDeps, "core" | "requireAuth"> | undefined;
  metrics: Metrics;
  logger: Logger;
  sessionKey: Uint8Array;
  /** Signs the installed app's buyer sessions; never accepted by operator routes. */
  buyerSessionKey: Uint8Array;
  /** SESSION_IDLE_TIMEOUT_MINUTES in milliseconds: an operator session unused this long ends. */
  sessionIdleTimeoutMs: number;
  version: string;
  secureCookies: boolean;
  /** TRUST_PROXY: proxies whose X-Forwarded-For gives the client address, or false. */
  trustProxy: false | string[];
  loginLimitPerMinute: number;
  /** What the Settings page shows: built from the parsed config, never a secret. */
  settings: PublicSettings;
  /** First run: the one-time code printed in the log while no operator exists. */
  setupCode?: string | undefined;
  /** PUBLIC_URL: another origin the CSRF check accepts (the server behind a proxy). */
  publicUrl?: string | undefined;
  apiRateLimits: ApiRateLimits;
  /** METRICS_TOKEN: when set, /metrics and the API docs need it as a bearer token. */
  metricsToken?: string | undefined;
};

/** The HTTP application as a value: main.ts listens on it, tests inject into it. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    trustProxy: deps.trustProxy,
    bodyLimit: 1024 * 1024,
    requestIdHeader: "x-request-id",
    genReqId: () => randomUUID(),
    // Tests and shutdown rely on in-flight requests finishing before close() resolves.
    forceCloseConnections: "idle",
    frameworkErrors: answerFrameworkError,
  });
  // close() resolves only once every handler ended, even one whose client left (see the file).
  const inFlight = trackInFlightHandlers(app);
  app.addHook("onClose", () => inFlight.drain());
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installTextCheck(app);
  installSecurityHeaders(app);
  restrictOperations(app, deps.metricsToken);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await installOpenApi(app, deps.version);
  installMetrics(app, deps.metrics);
  installApiRateLimits(app, deps.core, deps.apiRateLimits);
  // Operator sessions keep real time even while the playground moves Lumen's clock days ahead.
  const sessionCore = deps.sessionClock ? { ...deps.core, clock: deps.sessionClock } : deps.core;
  const requireAuth = installAuth(app, {
    core: sessionCore,
    sessionKey: deps.sessionKey,
    sessionIdleTimeoutMs: deps.sessionIdleTimeoutMs,
  });
  const requireBuyer = installBuyerAuth(app, {
    core: deps.core,
    botApis: deps.botApis,
    buyerSessionKey: deps.buyerSessionKey,
    initDataMaxAgeSeconds: deps.initDataMaxAgeSeconds,
  });
  installCsrfGuard(app, { publicUrl: deps.publicUrl });
  await installWebApps(app, [adminApp, miniApp], { rootRedirect: `${adminApp.prefix}/` });

  await app.register(healthRoutes({ database: deps.database, version: deps.version }));
  await app.register(certificateRoutes({ core: deps.core }));
  await app.register(
    authRoutes({
      core: sessionCore,
      sessionKey: deps.sessionKey,
      requireAuth,
      secureCookies: deps.secureCookies,
      loginLimitPerMinute: deps.loginLimitPerMinute,
    }),
  );
  await app.register(setupRoutes({ core: deps.core, setupCode: deps.setupCode }));
  await app.register(apiKeyRoutes({ core: deps.core, requireAuth }));
  await app.register(auditRoutes({ core: deps.core, requireAuth }));
  await app.register(operatorTelegramRoutes({ core: deps.core, requireAuth }));
  await app.register(
    botRoutes({
      core: deps.core,
      bots: deps.bots,
      botApis: deps.botApis,
      requireAuth,
      mode: deps.settings.botMode,
      publicUrl: deps.publicUrl,
    }),
  );
  await app.register(botFirstUpdateRoutes({ core: deps.core, bots: deps.bots, requireAuth }));
  await app.register(userRoutes({ core: deps.core, assistant: deps.assistant, requireAuth }));
  await app.register(assistantRoutes({ core: deps.core, assistant: deps.assistant, requireAuth }));
  await app.register(productRoutes({ core: deps.core, requireAuth }));
  await app.register(
    channelRoutes({
      core: deps.core,
      requireAuth,
      accessGraceMs: deps.settings.access.graceMinutes * 60_000,
    }),
  );
  await app.register(operatorRoutes({ core: deps.core, requireAuth }));
  await app.register(settingsRoutes({ settings: deps.settings, requireAuth }));
  await app.register(promoRoutes({ core: deps.core, requireAuth }));
  await app.register(campaignRoutes({ core: deps.core, requireAuth }));
  await app.register(broadcastLinkRoutes({ core: deps.core }));
  await app.register(courseRoutes({ core: deps.core, requireAuth }));
  await app.register(lessonMediaRoutes({ core: deps.core, requireAuth, botApis: deps.botApis }));
  await app.register(
    broadcastRoutes({
      core: deps.core,
      requireAuth,
      sender: deps.broadcastSender,
    }),
  );
  await app.register(textRoutes({ core: deps.core, requireAuth }));
  await app.register(analyticsReportRoutes({ core: deps.core, requireAuth }));
  await app.register(partnerRoutes({ core: deps.core, referrals: deps.referrals, requireAuth }));
  await app.register(
    orderRoutes({
      core: deps.core,
      requireAuth,
      refundAtProvider: deps.refundAtProvider,
      enqueue: deps.enqueue,
      yookassa: deps.yookassa,
      botApis: deps.botApis,
    }),
  );
  await app.register(userAdminRoutes({ core: deps.core, requireAuth, referrals: deps.referrals }));
  await app.register(orderAdminRoutes({ core: deps.core, requireAuth }));
  await app.register(subscriptionAdminRoutes({ core: deps.core, requireAuth, botApis: deps.botApis }));
  await app.register(taskRoutes({ core: deps.core, requireAuth }));
  await app.register(taskSettingsRoutes({ core: deps.core, requireAuth }));
  await app.register(analyticsRoutes({ core: deps.core, requireAuth }));
  await app.register(storeAuthRoutes({ core: deps.core, buyerSessionKey: deps.buyerSessionKey }));
  await app.register(storeAccountRoutes({ core: deps.core, botApis: deps.botApis, requireBuyer }));
  await app.register(storeProfileRoutes({ core: deps.core, referrals: deps.referrals, requireBuyer }));
  await app.register(storeManifestRoutes({ core: deps.core }));
  await app.register(storeTaskRoutes({ core: deps.core, requireBuyer }));
  await app.register(
    storeAssistantRoutes({
      core: deps.core,
      assistant: deps.assistant,
      requireBuyer,
      questionsPerMinute: deps.questionsPerMinute,
    }),
  );
  await app.register(storeRoutes({ core: deps.core, botApis: deps.botApis, shop: deps.shop, requireBuyer }));
  await app.register(telegramWebhookRoutes({ bots: deps.bots }));
  if (deps.testControls) await app.register(testControlRoutes({ controls: deps.testControls, requireAuth }));
  if (deps.playground) {
    await app.register(playgroundRoutes({ ...deps.playground, core: deps.core, requireAuth }));
    await app.register(playgroundEventRoutes({ events: deps.playground.playground.events, requireAuth }));
    await app.register(playgroundMiniAppRoutes({ ...deps.playground, core: deps.core, requireAuth }));
  }
  if (deps.yookassa) {
    const isAllowedIp = createIpAllowlist(deps.yookassaAllowedIps);
    // Before the body is read: a notification from elsewhere leaves nothing behind.
    await app.register(
      yookassaWebhookRoutes({ core: deps.core, yookassa: deps.yookassa, enqueue: deps.enqueue, isAllowedIp }),
    );
  }
  return app;
}
