import type { Chat, Message, PhotoSize, Update, User, Voice } from "@grammyjs/types";
import { generateFileId, generateFileUniqueId, generateQueryId } from "../ids.ts";
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
  const chat = resolveUserChat(world, bot, user, options);
  const formatted = formatUserText(text);
  return deliverUserMessage(world, bot, user, chat, options, (built) => {
    built.text = formatted.text;
    if (formatted.entities.length > 0) built.entities = formatted.entities;
  });
}

/**
 * A user sending a photo (as the app does: three sizes, a caption). The photo's file ids are
 * known to the emulator, so the bot can send it on by file id.
 */
export function sendUserPhoto(
  world: World,
  bot: BotRecord,
  user: User,
  options: SendTextOptions & { caption?: string; fileSize?: number } = {},
): Update {
  const chat = resolveUserChat(world, bot, user, options);
  const photo: PhotoSize[] = [90, 320, 800].map((side) => ({
    file_id: generateFileId(),
    file_unique_id: generateFileUniqueId(),
    width: side,
    height: side,
    file_size: side === 800 && options.fileSize !== undefined ? options.fileSize : side * 100,
  }));
  for (const size of photo) world.files.set(size.file_id, { photo });
  return deliverUserMessage(world, bot, user, chat, options, (built) => {
    built.photo = photo;
    if (options.caption) built.caption = options.caption;
  });
}

/** A user sending a voice note (a caption is optional); its file id can be sent on by the bot. */
export function sendUserVoice(
  world: World,
  bot: BotRecord,
  user: User,
  options: SendTextOptions & { caption?: string; duration?: number } = {},
): Update {
  const chat = resolveUserChat(world, bot, user, options);
  const voice: Voice = {
    file_id: generateFileId(),
    file_unique_id: generateFileUniqueId(),
    duration: options.duration ?? 3,
    mime_type: "audio/ogg",
    file_size: 4_000,
  };
  world.files.set(voice.file_id, { voice });
  return deliverUserMessage(world, bot, user, chat, options, (built) => {
    built.voice = voice;
    if (options.caption) built.caption = options.caption;
  });
}

function deliverUserMessage(
  world: World,
  bot: BotRecord,
  user: User,
  chat: Chat,
  options: SendTextOptions,
  fill: (message: Message) => void,
): Update {
  const replyId = options.replyTo === undefined ? undefined : refMessageId(options.replyTo);
  const replied = replyId === undefined ? undefined : world.messages.find(chat.id, bot.id, replyId)?.message;
  const message = world.messages.add(chat.id, bot.id, false, (messageId) => {
    const built: Message = { message_id: messageId, from: user, chat, date: world.unixNow() } as Message;
    fill(built);
    if (replied) built.reply_to_message = replied as Message & { reply_to_message: undefined };
    return built;
  });
  return world.deliver(bot, { message: message as never });
}

/** Where a user's message goes: the private chat with the bot, or a group both are in. */
function resolveUserChat(world: World, bot: BotRecord, user: User, options: SendTextOptions): Chat {
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
  return chat;
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
