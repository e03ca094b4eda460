import type { AssistantDeps, CoreContext } from "@lumen/core";
import type { UserRow } from "@lumen/db";
import type { Locale, Translate } from "@lumen/locales";
import type { Context } from "grammy";
import type { Logger } from "pino";
import type { Metrics } from "../http/metrics.ts";
import type { BackgroundTasks } from "./background-tasks.ts";

/** What every handler may use besides the update: services are injected, never imported. */
export type BotServices = {
  core: CoreContext;
  assistant: AssistantDeps;
  metrics: Metrics;
  logger: Logger;
  background: BackgroundTasks;
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
