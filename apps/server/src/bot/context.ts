import type {
  AssistantDeps,
  BotTextCache,
  CoreContext,
  ReferralSettings,
  TranslatorFor,
  YooKassaSettings,
} from "@lumen/core";
import type { BotFeature, UserRow } from "@lumen/db";
import type { Locale, Translate } from "@lumen/locales";
import type { Context } from "grammy";
import type { Logger } from "pino";
import type { Metrics } from "../http/metrics.ts";
import type { EnqueueJob } from "../jobs/job-runner.ts";
import type { BackgroundTasks } from "./background-tasks.ts";
import type { EventBuffer } from "./event-buffer.ts";
import type { BotLimits } from "./middlewares/limit-per-user.ts";
import type { UpdateFeed } from "./update-feed.ts";

/** What every handler may use besides the update: services are injected, never imported. */
export type BotServices = {
  core: CoreContext;
  assistant: AssistantDeps;
  metrics: Metrics;
  logger: Logger;
  background: BackgroundTasks;
  enqueue: EnqueueJob;
  shop: ShopSettings;
  access: { graceMs: number };
  referrals: ReferralSettings;
  limits: BotLimits;
  /** Restarts a bot from its saved row (after /admin paused or resumed it); absent where bots do not run. */
  reloadBot?: (botId: string) => Promise<void>;
  /** Where this installation's Mini App store is served (`https://…/app`); unset without HTTPS. */
  storeBaseUrl: string | undefined;
  /** The operators' edited texts of each bot, kept fresh by a revision read per update. */
  texts: BotTextCache;
  /** Analytics events, written in batches off the update's path. */
  events: EventBuffer;
  /** Every update as it arrives, for the panel's live view in this process. */
  updateFeed?: UpdateFeed;
};

/** Which ways to pay this installation offers in the bot. */
export type ShopSettings = {
  /** Telegram Payments provider token (e.g. YooKassa through Telegram) for RUB invoices. */
  telegramProviderToken: string | undefined;
  /** YooKassa direct: RUB payments by a payment page link. Preferred over the provider token. */
  yookassa: YooKassaSettings | undefined;
  /** PAYMENTS_MOCK: a test button that completes a purchase without money. */
  mock: boolean;
};

export type BotIdentity = { id: string; username: string; name: string };

export type BotEventType =
  | "bot_started"
  | "menu_pressed"
  | "product_viewed"
  | "checkout_started"
  | "trial_started"
  | "ai_question_asked";

/** The one Context type of every Lumen bot, assembled from the middlewares in create-bot.ts. */
export type BotContext = Context & {
  services: BotServices;
  lumenBot: BotIdentity;
  /** What this bot offers (the bot's features setting). */
  botFeatures: readonly BotFeature[];
  log: Logger;
  /** Set by the user middleware for any update that has a sender. */
  user: UserRow | undefined;
  locale: Locale;
  t: Translate;
  /** This bot's translator for a language: its edited texts first, then the Fluent files. */
  translatorFor: TranslatorFor;
  /** Records an analytics event about this update's user and bot (never waits). */
  track: (
    type: BotEventType,
    details?: { productId?: string; source?: string; properties?: Record<string, unknown> },
  ) => void;
};
