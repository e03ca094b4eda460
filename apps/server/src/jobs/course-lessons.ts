import { type CoreContext, claimDueLessons, finishDelivery, type LessonClaim, listBots } from "@lumen/core";
import { createTranslator, isLocale, resolveLocale } from "@lumen/locales";
import { GrammyError } from "grammy";
import type { Logger } from "pino";
import type { BotApis } from "../bot/bot-apis.ts";
import { sendLesson } from "../bot/features/courses/lesson-message.ts";
import { createLimiter, type ThrottleOptions } from "../bot/throttle.ts";
import type { JobDefinition } from "./job-runner.ts";

/** Telegram refusing for good: the user blocked the bot, deleted their account, or the chat is gone. */
const isBlocked = (error: unknown) =>
  error instanceof GrammyError && (error.error_code === 403 || /chat not found/i.test(error.description));

/**
 * Every minute: lessons due now, claimed in core before sending (so two workers never send one
 * twice and a crash leaves a claim another run takes over), sent within Telegram's limits (the
 * bots' per-chat and global rates). A student who blocked the bot is marked and skipped from
 * then on; any other failure gives the claim back for the next run.
 */
export const courseLessonsJob = (deps: {
  core: CoreContext;
  botApis: BotApis;
  logger: Logger;
  throttle: ThrottleOptions;
}): JobDefinition => {
  // The bots' rates (TELEGRAM_*_RATE_PER_SECOND), kept by this worker for its own sends.
  const global = createLimiter(deps.throttle.globalPerSecond, deps.throttle.burst ?? 3);
  const perChat = createLimiter(deps.throttle.perChatPerSecond, deps.throttle.burst ?? 3);
  const wait = (botId: string, chatId: number) => async () => {
    const now = Date.now();
    const ms = Math.max(global(botId, now), perChat(`${botId}:${chatId}`, now));
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  };
  return {
    name: "courses.deliver-lessons",
    cron: "* * * * *",
    async handler() {
      const claims = await claimDueLessons(deps.core, { limit: 200 });
      let sent = 0;
      let blocked = 0;
      let failed = 0;
      const fallbackBot = claims.some((c) => !c.botId)
        ? (await listBots(deps.core)).find((b) => b.enabled)?.id
        : undefined;
      for (const claim of claims) {
        const outcome = await deliver(claim, claim.botId ?? fallbackBot, wait, deps);
        if (outcome === "sent") sent++;
        else if (outcome === "blocked") blocked++;
        else failed++;
      }
      return { claimed: claims.length, sent, blocked, failed };
    },
  };
};

async function deliver(
  claim: LessonClaim,
  botId: string | undefined,
  wait: (botId: string, chatId: number) => () => Promise<void>,
  deps: { core: CoreContext; botApis: BotApis; logger: Logger },
): Promise<"sent" | "blocked" | "failed"> {
  if (!botId) {
    await finishDelivery(deps.core, { deliveryId: claim.deliveryId, outcome: "failed", error: "no bot" });
    return "failed";
  }
  try {
    const api = await deps.botApis.apiFor(botId);
    const locale = claim.locale && isLocale(claim.locale) ? claim.locale : resolveLocale(claim.locale);
    const sent = await sendLesson(api, claim.telegramId, createTranslator(locale), {
      lesson: claim.lesson,
      total: claim.lessonCount,
      deliveryId: claim.deliveryId,
      pace: wait(botId, claim.telegramId),
    });
    await finishDelivery(deps.core, {
      deliveryId: claim.deliveryId,
      outcome: "sent",
      messageId: sent.messageId,
    });
    return "sent";
  } catch (error) {
    const outcome = isBlocked(error) ? "blocked" : "failed";
    await finishDelivery(deps.core, { deliveryId: claim.deliveryId, outcome, error: String(error) });
    deps.logger.warn({ err: error, delivery: claim.deliveryId, outcome }, "lesson not delivered");
    return outcome;
  }
}
