import { type ChannelView, type CoreContext, listChannels, recordChatInvite } from "@lumen/core";
import type { SubscriptionRow } from "@lumen/db";
import type { Api } from "grammy";

const INVITE_TTL_S = 24 * 60 * 60;

export type IssuedInvite = { chatId: number; title: string; link: string };

/** Personal links for a subscriber: one per chat of the plan, named after the order. */
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
  const issued: IssuedInvite[] = [];
  for (const chatId of subscription.channelIds) {
    if (input.skipChatIds?.includes(chatId)) continue;
    if (input.onlyChatIds && !input.onlyChatIds.includes(chatId)) continue;
    const channel = known.find((c) => c.chatId === chatId);
    const joinRequests = channel?.joinMode === "join_request";
    const link = await issuePersonalInvite(core, api, {
      owner: { subscriptionId: subscription.id },
      userId: subscription.userId,
      botId: subscription.botId,
      chatId,
      name: input.orderId ? `Order ${input.orderId.slice(0, 8)}` : `Plan ${subscription.id.slice(0, 8)}`,
      joinRequests,
    });
    issued.push({ chatId, title: channel?.title ?? String(chatId), link });
  }
  return issued;
}

/**
 * One personal link to one chat, made on Telegram and kept in chat_invites (for a plan's
 * subscriber or a course student), so that someone else joining by it is removed and the link
 * revoked. For one person (a join request instead where the chat asks for them), for a day.
 */
export async function issuePersonalInvite(
  core: CoreContext,
  api: Api,
  input: {
    owner: { subscriptionId: string } | { enrollmentId: string };
    userId: string;
    botId: string;
    chatId: number;
    name: string;
    joinRequests?: boolean;
  },
): Promise<string> {
  const joinRequests = input.joinRequests ?? false;
  const expireDate = Math.floor(core.clock.now().getTime() / 1000) + INVITE_TTL_S;
  const invite = await api.createChatInviteLink(input.chatId, {
    name: input.name,
    expire_date: expireDate,
    ...(joinRequests ? { creates_join_request: true } : { member_limit: 1 }),
  });
  await recordChatInvite(core, {
    ...input.owner,
    userId: input.userId,
    botId: input.botId,
    chatId: input.chatId,
    inviteLink: invite.invite_link,
    createsJoinRequest: joinRequests,
    expiresAt: new Date(expireDate * 1000),
  });
  return invite.invite_link;
}
