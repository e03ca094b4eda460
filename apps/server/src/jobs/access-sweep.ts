import {
  type AccessSweepPort,
  type ChatMemberStatus,
  type CoreContext,
  closeJoinRequest,
  listStaleJoinRequests,
  recordAccessEvent,
  sweepAccess,
} from "@lumen/core";
import { GrammyError } from "grammy";
import type { Logger } from "pino";
import type { BotApis } from "../bot/bot-apis.ts";
import type { JobDefinition } from "./job-runner.ts";

/** The sweep's Telegram side: each bot's API. Errors propagate to core. */
function telegramAccessPort(botApis: BotApis, log: Logger): AccessSweepPort {
  return {
    async memberStatus({ botId, chatId, telegramId }) {
      const api = await botApis.apiFor(botId);
      return (await api.getChatMember(chatId, telegramId)).status as ChatMemberStatus;
    },
    async removeMember({ botId, chatId, telegramId }) {
      const api = await botApis.apiFor(botId);
      await api.banChatMember(chatId, telegramId);
      await api.unbanChatMember(chatId, telegramId, { only_if_banned: true });
      log.info({ chatId, user: telegramId }, "removed an ended subscriber");
    },
  };
}

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
    const declined = await declineStaleJoinRequests(deps.core, deps.botApis, deps.logger);
    return { ...counts, failed: failures.length, declined };
  },
});

/**
 * Join requests held for a payment that never came are declined after JOIN_REQUEST_HOLD_MS, so
 * the chat's admins do not see them pile up. Two workers may both decline one; only one records it.
 */
async function declineStaleJoinRequests(core: CoreContext, botApis: BotApis, log: Logger): Promise<number> {
  let declined = 0;
  for (const request of await listStaleJoinRequests(core)) {
    try {
      const api = await botApis.apiFor(request.botId);
      await api.declineChatJoinRequest(request.chatId, request.telegramUserId).catch((error: unknown) => {
        // Withdrawn or already handled at Telegram: nothing left to decline.
        if (!(error instanceof GrammyError && error.error_code === 400)) throw error;
      });
    } catch (error) {
      log.warn(
        { err: error, chatId: request.chatId },
        "stale join request not declined; the next sweep tries again",
      );
      continue;
    }
    if (await closeJoinRequest(core, { id: request.id, status: "declined" })) {
      declined++;
      await recordAccessEvent(core, {
        kind: "join_request_declined",
        botId: request.botId,
        chatId: request.chatId,
        telegramUserId: request.telegramUserId,
        at: request.requestedAt,
      });
    }
  }
  return declined;
}
