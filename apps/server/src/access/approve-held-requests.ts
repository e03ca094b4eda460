import { type CoreContext, closeJoinRequest, listHeldJoinRequests, recordAccessEvent } from "@lumen/core";
import type { SubscriptionRow } from "@lumen/db";
import { type Api, GrammyError } from "grammy";

/** Telegram's answer when the request is no longer pending (approved already, or withdrawn). */
const isGone = (error: unknown) =>
  error instanceof GrammyError && /HIDE_REQUESTER_MISSING|USER_ALREADY_PARTICIPANT/.test(error.description);

/**
 * The paywall's end: the buyer's join requests held for the plan's chats are approved at
 * Telegram, then recorded. A retried job finds the recorded ones closed and a request Telegram
 * no longer holds is closed too, so nobody is approved twice. Returns the chats now open.
 */
export async function approveHeldJoinRequests(
  core: CoreContext,
  api: Api,
  input: { subscription: SubscriptionRow; telegramUserId: number },
): Promise<number[]> {
  const held = await listHeldJoinRequests(core, {
    telegramUserId: input.telegramUserId,
    chatIds: input.subscription.channelIds,
  });
  const opened: number[] = [];
  for (const request of held) {
    try {
      await api.approveChatJoinRequest(request.chatId, request.telegramUserId);
      opened.push(request.chatId);
    } catch (error) {
      if (!isGone(error)) throw error;
    }
    if (await closeJoinRequest(core, { id: request.id, status: "approved" })) {
      await recordAccessEvent(core, {
        kind: "join_request_approved",
        botId: request.botId,
        chatId: request.chatId,
        telegramUserId: request.telegramUserId,
        at: request.requestedAt,
      });
    }
  }
  return opened;
}
