import type { ChatMemberUpdated, User } from "@grammyjs/types";
import { privateChatOf } from "../resolve.ts";
import type { BotRecord, World } from "../world.ts";

/**
 * Blocking or unblocking a bot in the app: Telegram sends the bot a
 * my_chat_member update for the private chat, and while blocked every send
 * fails with 403 "bot was blocked by the user".
 */
export function setBotBlocked(
  world: World,
  bot: BotRecord,
  user: User,
  blocked: boolean,
): ChatMemberUpdated | undefined {
  if (bot.blockedBy.has(user.id) === blocked) return undefined;
  if (blocked) bot.blockedBy.add(user.id);
  else bot.blockedBy.delete(user.id);
  const member = { status: "member" as const, user: bot.user };
  const kicked = { status: "kicked" as const, user: bot.user, until_date: 0 };
  const event: ChatMemberUpdated = {
    chat: privateChatOf(user),
    from: user,
    date: world.unixNow(),
    old_chat_member: blocked ? member : kicked,
    new_chat_member: blocked ? kicked : member,
  };
  world.deliver(bot, { my_chat_member: event });
  return event;
}
