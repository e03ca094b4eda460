import {
  approveHeldJoinRequests,
  type CoreContext,
  createBotTextCache,
  describePurchase,
  parseJobPayload,
} from "@lumen/core";
import { InlineKeyboard } from "grammy";
import { issueChatInvites } from "../access/issue-chat-invites.ts";
import { telegramJoinRequestPort } from "../access/join-request-port.ts";
import type { BotApis } from "../bot/bot-apis.ts";
import type { JobDefinition } from "./job-runner.ts";
import { buyerTranslator } from "./payment-notices.ts";

/**
 * A plan that opens chats was bought: the buyer's personal invite links, one per chat, in one
 * message. Queued by the settlement's own transaction, so a buyer who paid always gets them;
 * a plan extended while live needs none (the buyer is in already), and a chat the buyer asked
 * to join before paying gets its request approved instead.
 */
export const issueChatInvitesJob = (deps: { core: CoreContext; botApis: BotApis }): JobDefinition => {
  const texts = createBotTextCache(deps.core);
  return {
    name: "access.issue-chat-invites",
    async handler(data) {
      const { orderId } = parseJobPayload("access.issue-chat-invites", data);
      const view = await describePurchase(deps.core.db, orderId);
      if (!view.order.botId || !view.subscription?.channelIds.length)
        return { orderId, skipped: "no chat to invite to" };
      const api = await deps.botApis.apiFor(view.order.botId);
      const subscription = view.subscription;
      // Asked to join before paying: the held requests are approved instead of sending links.
      const approved = await approveHeldJoinRequests(deps.core, telegramJoinRequestPort(deps.botApis), {
        telegramUserId: view.buyer.telegramId,
        chatIds: subscription.channelIds,
      });
      if (!view.needsChatInvites) return { orderId, approved: approved.length };
      const invites = await issueChatInvites(deps.core, api, {
        subscription,
        orderId,
        skipChatIds: approved,
      });
      if (!invites.length) return { orderId, approved: approved.length, invites: 0 };
      const t = await buyerTranslator(texts, view);
      const keyboard = new InlineKeyboard();
      for (const invite of invites)
        keyboard.url(t("access-join", { title: invite.title }), invite.link).row();
      await api.sendMessage(view.buyer.telegramId, t("access-links"), { reply_markup: keyboard });
      return { orderId, invites: invites.length };
    },
  };
};
