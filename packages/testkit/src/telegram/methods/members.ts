import type { ChatFullInfo, User } from "@grammyjs/types";
import { badRequest } from "../api-error.ts";
import { changeMembership } from "../change-membership.ts";
import { readBoolean, readInteger, requireInteger } from "../params.ts";
import { type ApiChat, requireBotRight, resolveApiChat } from "../resolve.ts";
import { isPresent, toChatMember } from "../state/member-store.ts";
import type { ChatRecord } from "../world.ts";
import type { MethodContext, MethodTable } from "./method-context.ts";

const RESTRICT_RIGHTS = "not enough rights to restrict/unrestrict chat member";
const YEAR_PLUS_DAY = 366 * 24 * 3600;

type Moderation = { record: ChatRecord; user: User };

function resolveGroup(context: MethodContext): ApiChat & { record: ChatRecord } {
  const target = resolveApiChat(context.world, context.bot, context.params);
  if (!target.record) throw badRequest("chat member status can't be changed in private chats");
  return target as ApiChat & { record: ChatRecord };
}

function resolveUser(context: MethodContext): User {
  const userId = requireInteger(context.params, "user_id", "user_id is empty");
  const user = context.world.users.get(userId) ?? context.world.bots.get(userId)?.user;
  if (!user) throw badRequest("user not found");
  return user;
}

/** Checks shared by ban and unban, in Telegram's order: rights first, then the target. */
function resolveModeration(context: MethodContext): Moderation {
  const { record } = resolveGroup(context);
  const user = resolveUser(context);
  requireBotRight(context.world, context.bot, record.chat, "can_restrict_members", RESTRICT_RIGHTS);
  if (user.id === context.bot.id) throw badRequest("can't restrict self");
  const status = context.world.members.get(record.chat.id, user.id).status;
  if (status === "creator") throw badRequest("can't remove chat owner");
  if (status === "administrator") throw badRequest("user is an administrator of the chat");
  return { record, user };
}

/** Telegram treats bans shorter than 30 s or longer than 366 days as permanent (until_date 0). */
function normalizeUntilDate(untilDate: number | undefined, now: number): number {
  if (!untilDate || untilDate < now + 30 || untilDate > now + YEAR_PLUS_DAY) return 0;
  return untilDate;
}

function requireMemberListAccess(context: MethodContext, target: ApiChat): void {
  if (!target.record) return;
  const status = context.world.members.get(target.chat.id, context.bot.id).status;
  if (!isPresent(status)) throw badRequest("chat not found");
  if (target.chat.type === "channel" && status === "member") throw badRequest("member list is inaccessible");
}

export const memberMethods: MethodTable = {
  banChatMember(context) {
    const { record, user } = resolveModeration(context);
    const { world, bot } = context;
    const untilDate = normalizeUntilDate(readInteger(context.params, "until_date"), world.unixNow());
    const current = world.members.get(record.chat.id, user.id);
    if (current.status === "kicked" && current.untilDate === untilDate) return true;
    changeMembership(world, { chat: record, user, next: { status: "kicked", untilDate }, actor: bot.user });
    return true;
  },

  unbanChatMember(context) {
    const { record, user } = resolveModeration(context);
    const { world, bot } = context;
    const status = world.members.get(record.chat.id, user.id).status;
    const onlyIfBanned = readBoolean(context.params, "only_if_banned") ?? false;
    if (status === "left" || (onlyIfBanned && status !== "kicked")) return true;
    // Without only_if_banned Telegram also removes a current member, so the user can rejoin cleanly.
    changeMembership(world, { chat: record, user, next: { status: "left", untilDate: 0 }, actor: bot.user });
    return true;
  },

  getChatMember(context) {
    const target = resolveApiChat(context.world, context.bot, context.params);
    const user = resolveUser(context);
    if (!target.record) {
      if (target.chat.id !== user.id) throw badRequest("user not found");
      return { status: "member", user };
    }
    requireMemberListAccess(context, target);
    return toChatMember(user, context.world.members.get(target.chat.id, user.id));
  },

  getChatAdministrators(context) {
    const target = resolveApiChat(context.world, context.bot, context.params);
    if (!target.record) throw badRequest("there are no administrators in the private chat");
    requireMemberListAccess(context, target);
    const { world } = context;
    return world.members.userIds(target.chat.id).flatMap((userId) => {
      const member = world.members.get(target.chat.id, userId);
      const user = world.users.get(userId) ?? world.bots.get(userId)?.user;
      const isAdmin = member.status === "creator" || member.status === "administrator";
      return isAdmin && user ? [toChatMember(user, member)] : [];
    });
  },

  getChatMemberCount(context) {
    const target = resolveApiChat(context.world, context.bot, context.params);
    if (!target.record) return target.user ? 2 : 1;
    const { world } = context;
    return world.members
      .userIds(target.chat.id)
      .filter((id) => isPresent(world.members.get(target.chat.id, id).status)).length;
  },

  getChat(context): ChatFullInfo {
    const target = resolveApiChat(context.world, context.bot, context.params);
    const isPublic = target.chat.type !== "private" && target.chat.username !== undefined;
    const present = isPresent(context.world.members.get(target.chat.id, context.bot.id).status);
    if (target.user ? !target.reachable : !present && !isPublic) throw badRequest("chat not found");
    const info = {
      ...target.chat,
      accent_color_id: 0,
      max_reaction_count: 11,
      accepted_gift_types: {
        unlimited_gifts: false,
        limited_gifts: false,
        unique_gifts: false,
        premium_subscription: false,
        gifts_from_channels: false,
      },
    };
    return info as ChatFullInfo;
  },

  leaveChat(context) {
    const { record } = resolveGroup(context);
    const { world, bot } = context;
    if (!isPresent(world.members.get(record.chat.id, bot.id).status)) throw badRequest("chat not found");
    changeMembership(world, {
      chat: record,
      user: bot.user,
      next: { status: "left", untilDate: 0 },
      actor: bot.user,
    });
    return true;
  },
};
