import type { AssistantDeps, CoreContext, ReferralSettings, YooKassaSettings } from "@lumen/core";
import type { UserRow } from "@lumen/db";
import type { Locale, Translate } from "@lumen/locales";
import type { Context } from "grammy";
import type { Logger } from "pino";
import type { Metrics } from "../http/metrics.ts";
import type { EnqueueJob } from "../jobs/job-runner.ts";
import type { BackgroundTasks } from "./background-tasks.ts";
import type { BotLimits } from "./middlewares/limit-per-user.ts";

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
  /** Where this installation's Mini App store is served (`https://…/app`); unset without HTTPS. */
  storeBaseUrl: string | undefined;
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

/** The one Context type of every Lumen bot, assembled from the middlewares in create-bot.ts. */
export type BotContext = Context & {
  services: BotServices;
  lumenBot: BotIdentity;
  log: Logger;
  /** Set by the user middleware for any update that has a sender. */
  user: UserRow | undefined;
  locale: Locale;
  t: Translate;
};
