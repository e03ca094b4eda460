import { badRequest } from "../api-error.ts";
import { changeMembership } from "../change-membership.ts";
import { generateInviteHash } from "../ids.ts";
import { readBoolean, readInteger, readString, requireInteger, requireString } from "../params.ts";
import { type ApiChat, requireBotRight, resolveApiChat } from "../resolve.ts";
import { type InviteLinkRecord, toChatInviteLink } from "../state/invite-links.ts";
import { isPresent } from "../state/member-store.ts";
import type { ChatRecord } from "../world.ts";
import type { MethodContext, MethodTable } from "./method-context.ts";

/** Invite-link methods need a group/channel where the bot may invite users. */
function resolveManagedChat(context: MethodContext): ApiChat & { record: ChatRecord } {
  const target = resolveApiChat(context.world, context.bot, context.params);
  if (!target.record) throw badRequest("chat not found");
  requireBotRight(
    context.world,
    context.bot,
    target.chat,
    "can_invite_users",
    "not enough rights to manage chat invite links",
  );
  return target as ApiChat & { record: ChatRecord };
}

function applyLinkOptions(context: MethodContext, link: InviteLinkRecord): void {
  const { params, world } = context;
  const name = readString(params, "name");
  if (name !== undefined && name.length > 32) throw badRequest("invite link name is too long");
  const expireDate = readInteger(params, "expire_date");
  if (expireDate !== undefined && expireDate !== 0 && expireDate <= world.unixNow()) {
    throw badRequest("EXPIRE_DATE_INVALID");
  }
  const memberLimit = readInteger(params, "member_limit");
  if (memberLimit !== undefined && (memberLimit < 1 || memberLimit > 99_999))
    throw badRequest("USAGE_LIMIT_INVALID");
  const createsJoinRequest = readBoolean(params, "creates_join_request");
  if (name !== undefined) link.name = name;
  if (expireDate !== undefined) link.expireDate = expireDate || undefined;
  if (memberLimit !== undefined) link.memberLimit = memberLimit;
  if (createsJoinRequest !== undefined) link.createsJoinRequest = createsJoinRequest;
  if (link.createsJoinRequest && link.memberLimit !== undefined) {
    throw badRequest("member limit can't be specified for links requiring administrator approval");
  }
}

function findChatLink(context: MethodContext, chatId: number): InviteLinkRecord {
  const url = requireString(context.params, "invite_link", 'parameter "invite_link" is required');
  const link = context.world.inviteLinks.get(url);
  if (!link || link.chatId !== chatId) throw badRequest("INVITE_HASH_EXPIRED");
  return link;
}

function pendingFor(record: ChatRecord, url: string): number {
  return [...record.joinRequests.values()].filter((request) => request.inviteLink === url).length;
}

function createLink(context: MethodContext, chatId: number, isPrimary: boolean): InviteLinkRecord {
  return {
    url: `https://t.me/+${generateInviteHash()}`,
    chatId,
    creator: context.bot.user,
    createsJoinRequest: false,
    isPrimary,
    revoked: false,
    joinedCount: 0,
  };
}

export const inviteLinkMethods: MethodTable = {
  createChatInviteLink(context) {
    const { record } = resolveManagedChat(context);
    const link = createLink(context, record.chat.id, false);
    applyLinkOptions(context, link);
    context.world.inviteLinks.set(link.url, link);
    return toChatInviteLink(link, 0);
  },

  editChatInviteLink(context) {
    const { record } = resolveManagedChat(context);
    const link = findChatLink(context, record.chat.id);
    if (link.revoked) throw badRequest("INVITE_HASH_EXPIRED");
    const before = { ...link };
    try {
      applyLinkOptions(context, link);
    } catch (error) {
      Object.assign(link, before);
      throw error;
    }
    return toChatInviteLink(link, pendingFor(record, link.url));
  },

  revokeChatInviteLink(context) {
    const { record } = resolveManagedChat(context);
    const link = findChatLink(context, record.chat.id);
    link.revoked = true;
    return toChatInviteLink(link, pendingFor(record, link.url));
  },

  exportChatInviteLink(context) {
    const { record } = resolveManagedChat(context);
    for (const link of context.world.inviteLinks.values()) {
      if (link.chatId === record.chat.id && link.isPrimary) link.revoked = true;
    }
    const link = createLink(context, record.chat.id, true);
    context.world.inviteLinks.set(link.url, link);
    return link.url;
  },

  approveChatJoinRequest(context) {
    const { record } = resolveManagedChat(context);
    const userId = requireInteger(context.params, "user_id", "user_id is empty");
    approveJoinRequest(context, record, userId);
    return true;
  },

  declineChatJoinRequest(context) {
    const { record } = resolveManagedChat(context);
    const userId = requireInteger(context.params, "user_id", "user_id is empty");
    if (!record.joinRequests.delete(userId)) throw badRequest("HIDE_REQUESTER_MISSING");
    return true;
  },
};

/** The person is let in as Telegram does: the request is gone and they are a member. */
export function approveJoinRequest(context: MethodContext, record: ChatRecord, userId: number): void {
  const { world, bot } = context;
  const request = record.joinRequests.get(userId);
  const user = world.users.get(userId);
  if (!request || !user) throw badRequest("HIDE_REQUESTER_MISSING");
  record.joinRequests.delete(userId);
  if (isPresent(world.members.get(record.chat.id, userId).status))
    throw badRequest("USER_ALREADY_PARTICIPANT");
  const link = request.inviteLink ? world.inviteLinks.get(request.inviteLink) : undefined;
  if (link) link.joinedCount++;
  changeMembership(world, {
    chat: record,
    user,
    next: { status: "member", untilDate: 0 },
    actor: bot.user,
    // Telegram marks via_join_request only for requests made without an invite link.
    ...(link ? { inviteLink: link } : { viaJoinRequest: true }),
  });
}
