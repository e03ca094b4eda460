import type { Chat, User } from "@grammyjs/types";
import { badRequest, forbidden } from "./api-error.ts";
import type { Params } from "./params.ts";
import { isPresent } from "./state/member-store.ts";
import type { ChatRef, UserRef } from "./types.ts";
import type { BotRecord, ChatRecord, World } from "./world.ts";

export function refId(ref: ChatRef | UserRef): number {
  return typeof ref === "number" ? ref : ref.id;
}

export function privateChatOf(user: User): Chat.PrivateChat {
  const chat: Chat.PrivateChat = { id: user.id, type: "private", first_name: user.first_name };
  if (user.last_name !== undefined) chat.last_name = user.last_name;
  if (user.username !== undefined) chat.username = user.username;
  return chat;
}

/** For the test-facing API: a wrong reference is a bug in the test, so plain Errors. */
export function requireUser(world: World, ref: UserRef): User {
  const id = refId(ref);
  const user = world.users.get(id) ?? world.bots.get(id)?.user;
  if (!user) throw new Error(`Unknown user ${id}; create it with tg.createUser()`);
  return user;
}

export function requireChatRecord(world: World, ref: ChatRef): ChatRecord {
  const id = refId(ref);
  const record = world.chats.get(id);
  if (!record) throw new Error(`Unknown chat ${id}; create it with tg.createChat()`);
  return record;
}

export function requireBotRecord(world: World, ref: { id: number } | { token: string }): BotRecord {
  const bot = "token" in ref ? world.botsByToken.get(ref.token) : world.bots.get(ref.id);
  if (!bot) throw new Error("Unknown bot; create it with tg.createBot()");
  return bot;
}

/** A user's private chat is only known to the bot once the user wrote to it (`reachable`). */
export type ApiChat = { chat: Chat; record?: ChatRecord; user?: User; reachable: boolean };

/** Resolves chat_id (number, numeric string or @username) the way the Bot API does. */
export function resolveApiChat(world: World, bot: BotRecord, params: Params, name = "chat_id"): ApiChat {
  const value = params[name];
  if (value === undefined || value === null || value === "") throw badRequest(`${name} is empty`);
  if (typeof value === "string" && value.startsWith("@")) {
    const username = value.slice(1).toLowerCase();
    for (const record of world.chats.values()) {
      if (record.chat.username?.toLowerCase() === username)
        return { chat: record.chat, record, reachable: true };
    }
    throw badRequest("chat not found");
  }
  const id = typeof value === "number" ? value : Number(value);
  if (!Number.isSafeInteger(id)) throw badRequest("chat not found");
  const record = world.chats.get(id);
  if (record) return { chat: record.chat, record, reachable: true };
  const user = world.users.get(id) ?? world.bots.get(id)?.user;
  if (user) return { chat: privateChatOf(user), user, reachable: bot.reachableUsers.has(id) };
  throw badRequest("chat not found");
}

/** The 403s Telegram returns when the bot is not allowed to post in the chat. */
export function assertCanSend(world: World, bot: BotRecord, target: ApiChat): void {
  if (target.user) {
    if (target.user.is_bot) throw forbidden("bot can't send messages to bots");
    if (bot.blockedBy.has(target.user.id)) throw forbidden("bot was blocked by the user");
    if (!target.reachable) throw forbidden("bot can't initiate conversation with a user");
    return;
  }
  const chat = target.chat;
  const member = world.members.get(chat.id, bot.id);
  if (member.status === "kicked") throw forbidden(`bot was kicked from the ${describeChatType(chat)} chat`);
  if (!isPresent(member.status)) throw forbidden(`bot is not a member of the ${describeChatType(chat)} chat`);
  if (chat.type === "channel" && member.status !== "creator" && !member.rights?.can_post_messages) {
    throw badRequest("need administrator rights in the channel chat");
  }
}

export function describeChatType(chat: Chat): string {
  return chat.type === "group" ? "group" : chat.type === "supergroup" ? "supergroup" : chat.type;
}

/** Admin-only methods: Telegram checks the specific right and answers 400 with its own wording. */
export function requireBotRight(
  world: World,
  bot: BotRecord,
  chat: Chat,
  right: "can_invite_users" | "can_restrict_members" | "can_delete_messages",
  message: string,
): void {
  const member = world.members.get(chat.id, bot.id);
  if (member.status === "creator") return;
  if (member.status !== "administrator" || !member.rights?.[right]) throw badRequest(message);
}
