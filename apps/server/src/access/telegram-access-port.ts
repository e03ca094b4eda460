import type { ChatMemberStatus, CourseChatPort } from "@lumen/core";
import type { Logger } from "pino";
import type { BotApis } from "../bot/bot-apis.ts";

/**
 * Access changes on Telegram, with each bot's API, for the access sweep and a refunded course
 * place. Errors propagate to core, which never takes a failure for "not a member".
 */
export function telegramAccessPort(botApis: BotApis, log: Logger): CourseChatPort {
  return {
    async memberStatus({ botId, chatId, telegramId }) {
      const api = await botApis.apiFor(botId);
      return (await api.getChatMember(chatId, telegramId)).status as ChatMemberStatus;
    },
    async removeMember({ botId, chatId, telegramId }) {
      const api = await botApis.apiFor(botId);
      await api.banChatMember(chatId, telegramId);
      await api.unbanChatMember(chatId, telegramId, { only_if_banned: true });
      log.info({ chatId, user: telegramId }, "removed a member whose access ended");
    },
    async revokeInviteLink({ botId, chatId, inviteLink }) {
      const api = await botApis.apiFor(botId);
      await api.revokeChatInviteLink(chatId, inviteLink);
    },
  };
}
