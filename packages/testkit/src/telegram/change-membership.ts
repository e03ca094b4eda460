import type { ChatMemberUpdated, Message, User } from "@grammyjs/types";
import { type InviteLinkRecord, toChatInviteLink } from "./state/invite-links.ts";
import { isPresent, type MemberRecord, toChatMember } from "./state/member-store.ts";
import type { BotRecord, ChatRecord, World } from "./world.ts";

export type MembershipChange = {
  chat: ChatRecord;
  user: User;
  next: MemberRecord;
  /** Who made the change: the user joining, or the admin/bot banning. */
  actor: User;
  inviteLink?: InviteLinkRecord;
  viaJoinRequest?: boolean;
};

/** Bots that are admins of the chat: the ones Telegram sends chat_member and join requests to. */
export function listAdminBots(world: World, chatId: number, right?: "can_invite_users"): BotRecord[] {
  return world.members.userIds(chatId).flatMap((userId) => {
    const bot = world.bots.get(userId);
    const member = world.members.get(chatId, userId);
    if (!bot) return [];
    if (member.status === "creator") return [bot];
    if (member.status !== "administrator") return [];
    return !right || member.rights?.[right] ? [bot] : [];
  });
}

function listPresentBots(world: World, chatId: number): BotRecord[] {
  return world.members.userIds(chatId).flatMap((userId) => {
    const bot = world.bots.get(userId);
    return bot && isPresent(world.members.get(chatId, userId).status) ? [bot] : [];
  });
}

/**
 * Applies a membership change and emits what Telegram emits: my_chat_member
 * to a bot whose own status changed, chat_member to admin bots, and in
 * groups the new_chat_members / left_chat_member service message.
 */
export function changeMembership(world: World, change: MembershipChange): ChatMemberUpdated {
  const { chat, user } = change;
  const chatId = chat.chat.id;
  const previous = world.members.get(chatId, user.id);
  world.members.set(chatId, user.id, change.next);
  const event: ChatMemberUpdated = {
    chat: chat.chat,
    from: change.actor,
    date: world.unixNow(),
    old_chat_member: toChatMember(user, previous),
    new_chat_member: toChatMember(user, change.next),
  };
  if (change.inviteLink) event.invite_link = toChatInviteLink(change.inviteLink);
  if (change.viaJoinRequest) event.via_join_request = true;

  const changedBot = world.bots.get(user.id);
  if (changedBot) world.deliver(changedBot, { my_chat_member: event });
  for (const bot of listAdminBots(world, chatId)) {
    if (bot !== changedBot) world.deliver(bot, { chat_member: event });
  }
  emitServiceMessage(world, change, isPresent(previous.status), isPresent(change.next.status));
  return structuredClone(event);
}

function emitServiceMessage(world: World, change: MembershipChange, wasIn: boolean, isIn: boolean): void {
  const chat = change.chat.chat;
  if (chat.type !== "group" && chat.type !== "supergroup") return;
  if (wasIn === isIn) return;
  const service: Partial<Message> = isIn
    ? { new_chat_members: [change.user] }
    : { left_chat_member: change.user };
  const message = world.messages.add(chat.id, 0, false, (messageId) => ({
    message_id: messageId,
    from: change.actor,
    chat,
    date: world.unixNow(),
    ...service,
  }));
  for (const bot of listPresentBots(world, chat.id)) {
    world.deliver(bot, { message: message as never });
  }
}
