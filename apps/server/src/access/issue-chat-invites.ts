import { type ChannelView, type CoreContext, listChannels, recordChatInvite } from "@lumen/core";
import type { SubscriptionRow } from "@lumen/db";
import type { Api } from "grammy";

const INVITE_TTL_S = 24 * 60 * 60;

export type IssuedInvite = { chatId: number; title: string; link: string };

/**
 * Personal links for a subscriber: one per chat of the plan, for one person (member_limit 1),
 * expiring in a day and named after the order; join-request chats get a request link instead.
 */
export async function issueChatInvites(
  core: CoreContext,
  api: Api,
  input: {
    subscription: SubscriptionRow;
    /** The order that bought the plan, named in the link; none when the buyer asks for a new link. */
    orderId?: string;
    skipChatIds?: number[];
    onlyChatIds?: number[];
  },
): Promise<IssuedInvite[]> {
  const { subscription } = input;
  if (!subscription.botId || !subscription.channelIds.length) return [];
  const known = (await listChannels(core)).filter((c: ChannelView) => c.botId === subscription.botId);
  const now = core.clock.now();
  const expireDate = Math.floor(now.getTime() / 1000) + INVITE_TTL_S;
  const issued: IssuedInvite[] = [];
  for (const chatId of subscription.channelIds) {
    if (input.skipChatIds?.includes(chatId)) continue;
    if (input.onlyChatIds && !input.onlyChatIds.includes(chatId)) continue;
    const channel = known.find((c) => c.chatId === chatId);
    const joinRequests = channel?.joinMode === "join_request";
    const invite = await api.createChatInviteLink(chatId, {
      name: input.orderId ? `Order ${input.orderId.slice(0, 8)}` : `Plan ${subscription.id.slice(0, 8)}`,
      expire_date: expireDate,
      ...(joinRequests ? { creates_join_request: true } : { member_limit: 1 }),
    });
    await recordChatInvite(core, {
      subscriptionId: subscription.id,
      userId: subscription.userId,
      botId: subscription.botId,
      chatId,
      inviteLink: invite.invite_link,
      createsJoinRequest: joinRequests,
      expiresAt: new Date(expireDate * 1000),
    });
    issued.push({ chatId, title: channel?.title ?? String(chatId), link: invite.invite_link });
  }
  return issued;
}
