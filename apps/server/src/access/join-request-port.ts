import type { JoinRequestPort } from "@lumen/core";
import { GrammyError } from "grammy";
import type { BotApis } from "../bot/bot-apis.ts";

/** Telegram's answers that mean the request is no longer pending (handled already, or withdrawn). */
const GONE = /HIDE_REQUESTER_MISSING|USER_ALREADY_PARTICIPANT/;

/**
 * Core's join-request port over each bot's API: a request that came as a query (Bot API 10.1) is
 * answered through it, falling back to chat and user when the query is no longer open. Approving
 * a request Telegram no longer holds is "gone"; so is declining one, for any 400.
 */
export function telegramJoinRequestPort(botApis: BotApis): JoinRequestPort {
  return {
    async answer({ botId, chatId, telegramUserId, queryId, approve }) {
      const api = await botApis.apiFor(botId);
      if (queryId) {
        try {
          await api.answerChatJoinRequestQuery(queryId, approve ? "approve" : "decline");
          return "done";
        } catch (error) {
          // An answered or expired query: the request may still be pending by chat and user.
          if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
        }
      }
      try {
        if (approve) await api.approveChatJoinRequest(chatId, telegramUserId);
        else await api.declineChatJoinRequest(chatId, telegramUserId);
        return "done";
      } catch (error) {
        if (!(error instanceof GrammyError)) throw error;
        if (approve ? GONE.test(error.description) : error.error_code === 400) return "gone";
        throw error;
      }
    },
  };
}
