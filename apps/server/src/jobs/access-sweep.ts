import { type CoreContext, declineStaleJoinRequests, sweepAccess } from "@lumen/core";
import type { Logger } from "pino";
import { telegramJoinRequestPort } from "../access/join-request-port.ts";
import { telegramAccessPort } from "../access/telegram-access-port.ts";
import type { BotApis } from "../bot/bot-apis.ts";
import type { JobDefinition } from "./job-runner.ts";

/**
 * Every minute: the access sweep (reminders, expiry, removal from the plan's chats), a core verb
 * that any number of workers can run at once. What failed is logged; core gave its leases back,
 * so the next run tries again. The member's messages are jobs it queued (access-notices.ts).
 */
export const accessSweepJob = (deps: {
  core: CoreContext;
  botApis: BotApis;
  logger: Logger;
  reminderDays: number[];
  graceMs: number;
}): JobDefinition => ({
  name: "access-sweep",
  cron: "* * * * *",
  async handler() {
    const port = telegramAccessPort(deps.botApis, deps.logger);
    const { failures, ...counts } = await sweepAccess(deps.core, port, {
      reminderDays: deps.reminderDays,
      graceMs: deps.graceMs,
    });
    for (const failure of failures) {
      deps.logger.warn(
        { err: failure.error, subscription: failure.subscriptionId, step: failure.step },
        "access sweep removal failed; the next sweep tries again",
      );
    }
    const stale = await declineStaleJoinRequests(deps.core, telegramJoinRequestPort(deps.botApis));
    for (const failure of stale.failures) {
      deps.logger.warn(
        { err: failure.error, chatId: failure.chatId },
        "stale join request not declined; the next sweep tries again",
      );
    }
    return { ...counts, failed: failures.length, declined: stale.declined };
  },
});
