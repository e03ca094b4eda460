import type { Message, Update, User } from "@grammyjs/types";
import { generateQueryId } from "../ids.ts";
import { listCallbackData } from "../reply-markup.ts";
import { privateChatOf, refId, requireChatRecord } from "../resolve.ts";
import { isPresent } from "../state/member-store.ts";
import { formatUserText } from "../text/format-text.ts";
import type { ChatRef } from "../types.ts";
import type { BotRecord, World } from "../world.ts";
import { setBotBlocked } from "./private-chat.ts";

export type SendTextOptions = {
  /** Send into a group/supergroup instead of the private chat with the bot. */
  chat?: ChatRef;
  /** Reply to this message (object or message_id). */
  replyTo?: Message | number;
};

/** A user typing a message: entities are detected like the app does (bot_command, mention, url...). */
export function sendUserText(
  world: World,
  bot: BotRecord,
  user: User,
  text: string,
  options: SendTextOptions = {},
): Update {
  const chat = options.chat ? requireChatRecord(world, options.chat).chat : privateChatOf(user);
  if (chat.type === "private") {
    // Writing to a blocked bot means pressing "Restart" first, which unblocks it.
    if (bot.blockedBy.has(user.id)) setBotBlocked(world, bot, user, false);
    bot.reachableUsers.add(user.id);
  } else {
    if (!isPresent(world.members.get(chat.id, user.id).status)) {
      throw new Error(`${user.first_name} is not a member of "${chat.title}" and cannot post there`);
    }
    if (!isPresent(world.members.get(chat.id, bot.id).status)) {
      throw new Error(`@${bot.username} is not in "${chat.title}"; add it with tg.addBotToChat()`);
    }
  }
  const formatted = formatUserText(text);
  const replyId = options.replyTo === undefined ? undefined : refMessageId(options.replyTo);
  const replied = replyId === undefined ? undefined : world.messages.find(chat.id, bot.id, replyId)?.message;
  const message = world.messages.add(chat.id, bot.id, false, (messageId) => {
    const built: Message = {
      message_id: messageId,
      from: user,
      chat,
      date: world.unixNow(),
      text: formatted.text,
    };
    if (formatted.entities.length > 0) built.entities = formatted.entities;
    if (replied) built.reply_to_message = replied as Message & { reply_to_message: undefined };
    return built;
  });
  return world.deliver(bot, { message: message as never });
}

function refMessageId(ref: Message | number): number {
  return typeof ref === "number" ? ref : ref.message_id;
}

/**
 * A tap on an inline button of a bot message, as it currently stands (after
 * edits). Tapping a button that is not there is a test bug, so it throws.
 */
export function pressInlineButton(
  world: World,
  bot: BotRecord,
  user: User,
  messageRef: Pick<Message, "message_id"> & { chat: { id: number } },
  data: string,
): Update {
  const chatId = refId(messageRef.chat);
  const stored = world.messages.find(chatId, bot.id, messageRef.message_id);
  if (!stored) throw new Error(`Message ${messageRef.message_id} is not in chat ${chatId} (deleted?)`);
  const available = listCallbackData(stored.message.reply_markup);
  if (!available.includes(data)) {
    throw new Error(
      `Message ${messageRef.message_id} has no inline button with callback_data "${data}"; ` +
        `buttons: ${available.length > 0 ? available.map((d) => JSON.stringify(d)).join(", ") : "(none)"}`,
    );
  }
  const id = generateQueryId();
  world.callbackQueries.set(id, { botId: bot.id, answered: false });
  if (chatId > 0) bot.reachableUsers.add(user.id);
  return world.deliver(bot, {
    callback_query: {
      id,
      from: user,
      message: structuredClone(stored.message),
      chat_instance: String(BigInt(Math.abs(chatId)) * 7919n + BigInt(bot.id)),
      data,
    },
  });
}
