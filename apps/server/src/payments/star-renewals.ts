import type { CancelStarRenewal } from "@lumen/core";
import type { BotApis } from "../bot/bot-apis.ts";

/** Core's port to stop a Star subscription at Telegram, through the bot that sold it. */
export function cancelStarRenewalVia(botApis: BotApis): CancelStarRenewal {
  return async ({ botId, telegramUserId, chargeId }) => {
    const api = await botApis.apiFor(botId);
    await api.editUserStarSubscription(telegramUserId, chargeId, true);
  };
}
