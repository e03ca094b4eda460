import type { ChatJoinRequest, ChatMemberUpdated, User } from "@grammyjs/types";
import { TelegramUserError } from "../api-error.ts";
import { changeMembership, listAdminBots } from "../change-membership.ts";
import { generateQueryId } from "../ids.ts";
import { type InviteLinkRecord, toChatInviteLink } from "../state/invite-links.ts";
import { buildAdminRights, isPresent } from "../state/member-store.ts";
import type { AddBotToChatOptions, MemberStatus } from "../types.ts";
import type { BotRecord, ChatRecord, World } from "../world.ts";

export type JoinResult =
  | { status: "joined"; update: ChatMemberUpdated }
  | { status: "requested"; request: ChatJoinRequest };

/** Adding a bot from the app: the bot learns about it through my_chat_member. */
export function addBotToChat(
  world: World,
  bot: BotRecord,
  chat: ChatRecord,
  options: AddBotToChatOptions,
  actor: User,
): ChatMemberUpdated {
  if (chat.chat.type === "channel" && options.status !== "administrator") {
    throw new Error("Telegram only lets bots into channels as administrators");
  }
  const next =
    options.status === "administrator"
      ? {
          status: "administrator" as const,
          untilDate: 0,
          rights: buildAdminRights(chat.chat.type, options.rights),
        }
      : { status: "member" as const, untilDate: 0 };
  return changeMembership(world, { chat, user: bot.user, next, actor });
}

/**
 * Opening an invite link in the app. Refusals are thrown as TelegramUserError
 * with the server's error code, which is what the user would be told.
 */
export function joinByInviteLink(world: World, user: User, url: string): JoinResult {
  const link = world.inviteLinks.get(url);
  if (!link || link.revoked)
    throw new TelegramUserError("INVITE_HASH_EXPIRED", "This invite link was revoked or never existed");
  if (link.expireDate !== undefined && link.expireDate <= world.unixNow()) {
    throw new TelegramUserError("INVITE_HASH_EXPIRED", "This invite link has expired");
  }
  const chat = world.chats.get(link.chatId)!;
  const current = world.members.get(chat.chat.id, user.id);
  if (current.status === "kicked")
    throw new TelegramUserError("USER_BANNED_IN_CHANNEL", "You are banned from this chat");
  if (isPresent(current.status))
    throw new TelegramUserError("USER_ALREADY_PARTICIPANT", "You are already a member");
  if (link.createsJoinRequest)
    return { status: "requested", request: sendJoinRequest(world, user, chat, link) };
  if (link.memberLimit !== undefined && link.joinedCount >= link.memberLimit) {
    throw new TelegramUserError(
      "INVITE_HASH_EXPIRED",
      `This invite link reached its limit of ${link.memberLimit} member(s)`,
    );
  }
  link.joinedCount++;
  const update = changeMembership(world, {
    chat,
    user,
    next: { status: "member", untilDate: 0 },
    actor: user,
    inviteLink: link,
  });
  return { status: "joined", update };
}

/**
 * A join request, via a link or the chat's own "Request to join" button.
 * Admin bots with can_invite_users get chat_join_request and may then write
 * to the user, as Telegram allows while the request is pending.
 */
export function sendJoinRequest(
  world: World,
  user: User,
  chat: ChatRecord,
  link?: InviteLinkRecord,
  /** Sent as a join-request query (Bot API 10.1), which the bot must answer or show a Mini App for. */
  asQuery = false,
): ChatJoinRequest {
  const current = world.members.get(chat.chat.id, user.id);
  if (current.status === "kicked")
    throw new TelegramUserError("USER_BANNED_IN_CHANNEL", "You are banned from this chat");
  if (isPresent(current.status))
    throw new TelegramUserError("USER_ALREADY_PARTICIPANT", "You are already a member");
  if (chat.chat.type === "group")
    throw new Error("Basic groups have no join requests; use a supergroup or channel");
  const date = world.unixNow();
  const queryId = asQuery ? generateQueryId() : undefined;
  chat.joinRequests.set(user.id, {
    userId: user.id,
    date,
    ...(link ? { inviteLink: link.url } : {}),
    ...(queryId ? { queryId } : {}),
  });
  const request: ChatJoinRequest = {
    chat: chat.chat as ChatJoinRequest["chat"],
    from: user,
    user_chat_id: user.id,
    date,
    ...(queryId ? { query_id: queryId } : {}),
  };
  if (link) {
    const pending = [...chat.joinRequests.values()].filter((r) => r.inviteLink === link.url).length;
    request.invite_link = toChatInviteLink(link, pending);
  }
  for (const bot of listAdminBots(world, chat.chat.id, "can_invite_users")) {
    bot.reachableUsers.add(user.id);
    world.deliver(bot, { chat_join_request: request });
  }
  return structuredClone(request);
}

export function leaveChat(world: World, user: User, chat: ChatRecord): ChatMemberUpdated | undefined {
  if (!isPresent(world.members.get(chat.chat.id, user.id).status)) return undefined;
  if (chat.creatorId === user.id) throw new Error("The creator cannot leave in this emulator");
  return changeMembership(world, { chat, user, next: { status: "left", untilDate: 0 }, actor: user });
}

/** Sets membership without any update, for arranging a scene before the test acts. */
export function setMemberStatus(world: World, chat: ChatRecord, user: User, status: MemberStatus): void {
  const rights = status === "administrator" ? buildAdminRights(chat.chat.type) : undefined;
  world.members.set(
    chat.chat.id,
    user.id,
    rights ? { status, untilDate: 0, rights } : { status, untilDate: 0 },
  );
}
