import { timingSafeEqual } from "node:crypto";
import { type RunnerHandle, run } from "@grammyjs/runner";
import {
  type Actor,
  type AssistantDeps,
  type CoreContext,
  createBotTextCache,
  findBotWebhookSecret,
  LumenError,
  loadRunnableBot,
  loadRunnableBots,
  type PublicBot,
  type ReferralSettings,
  type RunnableBot,
  registerBot,
  type SecretBox,
} from "@lumen/core";
import type { BotFeature } from "@lumen/db";
import { Api, type Bot, GrammyError } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import type { Metrics } from "../http/metrics.ts";
import type { EnqueueJob } from "../jobs/job-runner.ts";
import type { SecretRegistry } from "../log/secret-registry.ts";
import { type ApiRoot, apiRootFor } from "./api-root.ts";
import { createBackgroundTasks } from "./background-tasks.ts";
import type { BotApis } from "./bot-apis.ts";
import { publishCommands, publishStoreButton } from "./commands.ts";
import type { BotContext, ShopSettings } from "./context.ts";
import { createBot } from "./create-bot.ts";
import { createEventBuffer, discardEvents } from "./event-buffer.ts";
import type { BotLimits } from "./middlewares/limit-per-user.ts";
import { type StoreBaseUrlFor, storeUrlOf } from "./store-url.ts";
import type { ThrottleOptions } from "./throttle.ts";
import { createUpdateFeed } from "./update-feed.ts";

/** chat_member is off by default at Telegram; paid access needs it, so we always ask for it. */
export const allowedUpdates = [
  "message",
  "edited_message",
  "callback_query",
  "my_chat_member",
  "chat_member",
  "chat_join_request",
  "pre_checkout_query",
] as const;

export type BotRuntimeOptions = {
  core: CoreContext;
  assistant: AssistantDeps;
  enqueue: EnqueueJob;
  shop: ShopSettings;
  access: { graceMs: number };
  referrals: ReferralSettings;
  /** ANALYTICS_EVENTS: false keeps no analytics events of the bots (default true). */
  recordEvents?: boolean;
  /** BOT_QUESTIONS_PER_MINUTE, BOT_CHECKOUTS_PER_MINUTE: per Telegram user, shared by all processes. */
  limits: BotLimits;
  secretBox: SecretBox;
  /** Clients for jobs; the one of a bot whose token changes here is dropped. */
  botApis?: BotApis;
  /** Every token this runtime decrypts is added, so no log line can show it. */
  secrets: SecretRegistry;
  metrics: Metrics;
  logger: Logger;
  apiRoot: ApiRoot;
  throttle: ThrottleOptions;
  storeBaseUrlFor: StoreBaseUrlFor;
  /**
   * polling: this process long-polls every bot, or, with `pollElsewhere` (a `--workers` process
   * that is not the poller), hands each bot to start to the one that polls, since Telegram
   * allows one getUpdates per bot; webhook: Telegram calls PUBLIC_URL/telegram/:botId.
   */
  mode: { kind: "polling"; pollElsewhere?: (botId: string) => void } | { kind: "webhook"; publicUrl: string };
  /** A bot that could not start is tried again after this, doubling up to `maxMs`. */
  relaunch?: { firstDelayMs: number; maxDelayMs: number };
};

const defaultRelaunch = { firstDelayMs: 5_000, maxDelayMs: 5 * 60_000 };

/** Telegram refused the bot for good (a revoked token, a bad webhook URL): trying again changes nothing. */
const isPermanent = (error: unknown) =>
  error instanceof GrammyError &&
  error.error_code >= 400 &&
  error.error_code < 500 &&
  error.error_code !== 429;

function isSameSecret(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? "");
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

type Running = { bot: Bot<BotContext>; secret: string; runner?: RunnerHandle };

export type BotRuntime = ReturnType<typeof createBotRuntime>;

/** Runs every enabled bot of the installation in this process, and adds new ones while running. */
export function createBotRuntime(options: BotRuntimeOptions) {
  const running = new Map<string, Running>();
  /** Bots waiting to be tried again after a failed start, by id. */
  const relaunches = new Map<string, NodeJS.Timeout>();
  const relaunch = options.relaunch ?? defaultRelaunch;
  let stopped = false;
  const log = options.logger.child({ component: "bots" });
  // One cache of edited texts for every bot of this process (see createBotTextCache).
  const texts = createBotTextCache(options.core);
  const events =
    options.recordEvents === false
      ? discardEvents
      : createEventBuffer({ core: options.core, logger: options.logger });
  const updateFeed = createUpdateFeed();
  const background = createBackgroundTasks((error) =>
    log.error({ err: error }, "background bot task failed"),
  );

  async function launch(row: RunnableBot): Promise<void> {
    options.secrets.add(row.token);
    if (options.mode.kind === "polling" && options.mode.pollElsewhere) {
      options.mode.pollElsewhere(row.id);
      return;
    }
    const storeBaseUrl = options.storeBaseUrlFor(row.token);
    const bot = createBot({
      token: row.token,
      identity: { id: row.id, username: row.username, name: row.name },
      features: row.features,
      apiRoot: options.apiRoot,
      services: {
        core: options.core,
        assistant: options.assistant,
        metrics: options.metrics,
        logger: options.logger,
        background,
        enqueue: options.enqueue,
        shop: options.shop,
        access: options.access,
        referrals: options.referrals,
        limits: options.limits,
        storeBaseUrl,
        reloadBot: (botId) => runtime.reloadBot(botId),
        texts,
        events,
        updateFeed,
      },
      throttle: options.throttle,
    });
    // Not bot.init(): grammY retries its getMe forever while Telegram is unreachable. Through
    // bot.api the call has Lumen's bounded retries, and a failure comes back here.
    bot.botInfo = await bot.api.getMe();
    await publishCommands(bot.api, row.features);
    await publishStoreButton(bot.api, storeUrlOf(storeBaseUrl, row.id));
    if (stopped) return;
    const entry: Running = { bot, secret: row.webhookSecret };
    if (options.mode.kind === "webhook") {
      await bot.api.setWebhook(`${options.mode.publicUrl}/telegram/${row.id}`, {
        secret_token: row.webhookSecret,
        allowed_updates: [...allowedUpdates],
      });
    } else {
      await bot.api.deleteWebhook();
      // Stopped while this bot was starting: it must not begin polling after shutdown.
      if (stopped) return;
      entry.runner = run(bot, { runner: { fetch: { allowed_updates: [...allowedUpdates] } } });
    }
    running.set(row.id, entry);
    log.info({ bot: row.username, mode: options.mode.kind }, "bot started");
  }

  /**
   * One bot that cannot start (a revoked token, Telegram unreachable) must not keep the others,
   * the API or shutdown waiting: it is logged, and unless Telegram refused it for good, tried
   * again later with a growing delay.
   */
  async function launchSafely(row: RunnableBot, delayMs = relaunch.firstDelayMs): Promise<void> {
    try {
      await launch(row);
    } catch (error) {
      if (stopped) return;
      if (isPermanent(error)) {
        log.error({ bot: row.username, err: error }, "bot could not start");
        return;
      }
      log.error(
        { bot: row.username, err: error, retryInMs: delayMs },
        "bot could not start; trying again later",
      );
      scheduleRelaunch(row.id, delayMs);
    }
  }

  function scheduleRelaunch(botId: string, delayMs: number): void {
    clearTimeout(relaunches.get(botId));
    const timer = setTimeout(() => {
      relaunches.delete(botId);
      void (async () => {
        if (stopped || running.has(botId)) return;
        const row = await loadRunnableBot(options.core, options.secretBox, botId);
        if (row.enabled) await launchSafely(row, Math.min(delayMs * 2, relaunch.maxDelayMs));
      })().catch((error: unknown) => log.error({ botId, err: error }, "bot could not be reloaded"));
    }, delayMs);
    timer.unref();
    relaunches.set(botId, timer);
  }

  const runtime = {
    async start(): Promise<void> {
      const { bots, unreadable } = await loadRunnableBots(options.core, options.secretBox);
      for (const bad of unreadable) {
        log.error(
          { bot: bad.username, botId: bad.id, reason: bad.reason },
          "bot skipped: its token is unreadable",
        );
      }
      stopped = false;
      // Side by side: a bot that is slow to fail does not delay the others.
      await Promise.all(bots.filter((row) => !running.has(row.id)).map((row) => launchSafely(row)));
    },

    /** Asks Telegram who the token belongs to, saves the bot, and starts it here. */
    async addBot(
      actor: Actor,
      input: { token: string; features?: BotFeature[]; enabled?: boolean },
    ): Promise<PublicBot & { created: boolean }> {
      options.secrets.add(input.token);
      const me = await new Api(input.token, { apiRoot: apiRootFor(options.apiRoot, input.token) })
        .getMe()
        .catch((error: unknown) => {
          if (error instanceof GrammyError && error.error_code === 401) {
            throw new LumenError("VALIDATION_FAILED", "Telegram does not accept this bot token", {
              field: "token",
            });
          }
          throw new LumenError("UPSTREAM_FAILED", "Could not reach Telegram to check the token");
        });
      const saved = await registerBot(options.core, actor, options.secretBox, {
        ...input,
        me: { id: me.id, username: me.username, firstName: me.first_name },
      });
      await this.stopBot(saved.id);
      options.botApis?.forget(saved.id);
      if (options.mode.kind === "polling" && options.mode.pollElsewhere) options.mode.pollElsewhere(saved.id);
      else if (saved.enabled) await launch(await loadRunnableBot(options.core, options.secretBox, saved.id));
      return saved;
    },

    /**
     * After a bot was turned on or off or its features changed: stops it here and starts it
     * again from its saved row if it is enabled. A disabled bot's webhook is removed, so
     * Telegram keeps its updates instead of posting them to a bot that no longer answers.
     */
    async reloadBot(botId: string): Promise<void> {
      if (options.mode.kind === "polling" && options.mode.pollElsewhere) {
        options.botApis?.forget(botId);
        return options.mode.pollElsewhere(botId);
      }
      await this.stopBot(botId);
      const row = await loadRunnableBot(options.core, options.secretBox, botId);
      if (row.enabled) return launch(row);
      if (options.mode.kind === "webhook")
        await new Api(row.token, { apiRoot: apiRootFor(options.apiRoot, row.token) }).deleteWebhook();
    },

    /**
     * Webhook entry: the secret header is checked first (against the running bot, or the stored
     * secret of a bot another process added), so an unauthenticated call launches nothing.
     * Then the update is handled to the end.
     */
    async handleWebhook(botId: string, secretHeader: string | undefined, update: Update): Promise<void> {
      let entry = running.get(botId);
      if (!entry || !isSameSecret(secretHeader, entry.secret)) {
        // Not running here, or its token (and so its secret) was changed by another process.
        const stored =
          options.mode.kind === "webhook" ? await findBotWebhookSecret(options.core, botId) : null;
        if (!stored?.enabled) throw new LumenError("NOT_FOUND", "No such bot");
        if (!isSameSecret(secretHeader, stored.webhookSecret)) {
          throw new LumenError("UNAUTHENTICATED", "Wrong or missing X-Telegram-Bot-Api-Secret-Token");
        }
        await this.stopBot(botId);
        await launch(await loadRunnableBot(options.core, options.secretBox, botId));
        entry = running.get(botId);
      }
      if (!entry) throw new LumenError("NOT_FOUND", "No such bot");
      await entry.bot.handleUpdate(update);
    },

    async stopBot(botId: string): Promise<void> {
      clearTimeout(relaunches.get(botId));
      relaunches.delete(botId);
      const entry = running.get(botId);
      running.delete(botId);
      if (entry?.runner?.isRunning()) await entry.runner.stop();
    },

    /** Stops polling and waits for the updates already taken, and the answers they started, to finish. */
    async stop(): Promise<void> {
      stopped = true;
      for (const id of relaunches.keys()) await this.stopBot(id);
      await Promise.all([...running.keys()].map((id) => this.stopBot(id)));
      await background.drain();
      await events.stop();
    },

    runningBots: () => [...running.keys()],
    /** Hears each later update of the bot, while it runs in this process. */
    onUpdate: updateFeed.subscribe,
  };
  return runtime;
}
