import { sequentialize } from "@grammyjs/runner";
import type { BotFeature } from "@lumen/db";
import { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { installApiRetries } from "./api-retries.ts";
import { type ApiRoot, apiRootFor } from "./api-root.ts";
import type { BotContext, BotIdentity, BotServices } from "./context.ts";
import { guardChatsFeature } from "./features/access/guard-chats.ts";
import { statusFeature } from "./features/access/status.ts";
import { trackChatsFeature } from "./features/access/track-chats.ts";
import { appSignInFeature } from "./features/app-sign-in.ts";
import { askFeature } from "./features/assistant/ask.ts";
import { assistantSettingsFeature } from "./features/assistant/settings.ts";
import { botAdminFeature } from "./features/bot-admin.ts";
import { broadcastClicksFeature } from "./features/broadcast-clicks.ts";
import { coursePageFeature } from "./features/courses/course-page.ts";
import { homeworkFeature } from "./features/courses/homework.ts";
import { lessonMediaFeature } from "./features/courses/lesson-media.ts";
import { lessonsFeature } from "./features/courses/lessons.ts";
import { resumeLessonsFeature } from "./features/courses/resume-lessons.ts";
import { reviewDeskFeature } from "./features/courses/review-desk.ts";
import { languageFeature } from "./features/language.ts";
import { menuFeature } from "./features/menu.ts";
import { partnerFeature } from "./features/partner.ts";
import { cancelRenewalFeature } from "./features/shop/cancel-renewal.ts";
import { promoFeature } from "./features/shop/promo.ts";
import { shopFeature } from "./features/shop/shop.ts";
import { startFeature } from "./features/start.ts";
import { tasksFeature } from "./features/tasks/index.ts";
import { unhandledFeature } from "./features/unhandled.ts";
import { announceUpdate } from "./middlewares/announce-update.ts";
import { attachServices } from "./middlewares/attach-services.ts";
import { errorBoundary } from "./middlewares/error-boundary.ts";
import { identifyUser } from "./middlewares/identify-user.ts";
import { refuseBlocked } from "./middlewares/refuse-blocked.ts";
import { stampLastUpdate } from "./middlewares/stamp-last-update.ts";
import { trackEvents } from "./middlewares/track-events.ts";
import { createThrottle, type ThrottleOptions } from "./throttle.ts";

export type CreateBotOptions = {
  token: string;
  identity: BotIdentity;
  features: readonly BotFeature[];
  apiRoot: ApiRoot;
  services: BotServices;
  throttle: ThrottleOptions;
  /** Known from the database, so starting a bot costs no getMe call. */
  botInfo?: UserFromGetMe;
};

/** One grammY bot with Lumen's middlewares and features, in the order they run. */
export function createBot(options: CreateBotOptions): Bot<BotContext> {
  const bot = new Bot<BotContext>(options.token, {
    client: { apiRoot: apiRootFor(options.apiRoot, options.token) },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  bot.api.config.use(createThrottle(options.throttle));
  // Installed last, so they run first: a 429 is retried after retry_after, outside the throttle.
  installApiRetries(bot.api);

  // The runner handles updates concurrently; one chat's updates still run in order.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  bot.use(attachServices(options.services, options.identity));
  bot.use((ctx, next) => {
    ctx.botFeatures = options.features;
    return next();
  });
  bot.use(stampLastUpdate());
  bot.use(announceUpdate);
  bot.use(errorBoundary);
  bot.use(identifyUser);
  bot.use(trackEvents);
  bot.use(refuseBlocked);

  // Without the "courses" feature the bot neither teaches nor reviews: no lessons, homework,
  // reviewers' desk or course commands (and core refuses to sell a course through it).
  const courses = options.features.includes("courses");
  if (courses) bot.use(resumeLessonsFeature);
  bot.use(trackChatsFeature);
  bot.use(guardChatsFeature);
  if (courses) {
    bot.use(reviewDeskFeature);
    // Before homework, tasks and the assistant, which read private files too; it takes a file only
    // from an operator who opened a media link in this bot, and passes every other message on.
    bot.use(lessonMediaFeature);
    bot.use(homeworkFeature);
  }
  bot.use(promoFeature);
  bot.use(startFeature);
  bot.use(languageFeature);
  bot.use(menuFeature);
  bot.use(shopFeature);
  bot.use(appSignInFeature);
  bot.use(statusFeature);
  bot.use(cancelRenewalFeature);
  bot.use(partnerFeature);
  if (courses) {
    bot.use(lessonsFeature);
    bot.use(coursePageFeature);
  }
  bot.use(botAdminFeature);
  if (options.features.includes("tasks")) bot.use(tasksFeature);
  bot.use(broadcastClicksFeature);
  if (options.features.includes("assistant")) {
    bot.use(assistantSettingsFeature);
    bot.use(askFeature);
  }
  bot.use(unhandledFeature);

  // Only reached if the boundary itself failed (e.g. the logger threw).
  bot.catch((error) => options.services.logger.error({ err: error.error }, "unhandled bot error"));
  return bot;
}
