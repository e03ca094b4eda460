import {
  type CoreContext,
  claimUserMessage,
  finishUserMessage,
  parseJobPayload,
  releaseUserMessage,
} from "@lumen/core";
import { GrammyError } from "grammy";
import type { BotApis } from "../bot/bot-apis.ts";
import type { JobDefinition } from "./job-runner.ts";

/**
 * Sends an operator's message to one user. The row is claimed first, so a retry after a crash
 * or a second worker never sends it twice. Telegram refusing for good (the user blocked the bot,
 * the chat is gone) fails the message; anything else gives the claim back and retries.
 */
export const userMessageJob = (deps: { core: CoreContext; botApis: BotApis }): JobDefinition => ({
  name: "users.send-message",
  async handler(data) {
    const { messageId } = parseJobPayload("users.send-message", data);
    const claim = await claimUserMessage(deps.core, messageId);
    if (claim.outcome !== "send") return { messageId, outcome: claim.outcome };
    try {
      const api = await deps.botApis.apiFor(claim.message.botId);
      const sent = await api.sendMessage(claim.telegramId, claim.message.text);
      await finishUserMessage(deps.core, { messageId, telegramMessageId: sent.message_id });
      return { messageId, outcome: "sent" };
    } catch (error) {
      if (error instanceof GrammyError && (error.error_code === 400 || error.error_code === 403)) {
        await finishUserMessage(deps.core, { messageId, error: error.description });
        return { messageId, outcome: "failed" };
      }
      await releaseUserMessage(deps.core, messageId);
      throw error;
    }
  },
});
