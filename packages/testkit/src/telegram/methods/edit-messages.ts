import type { InlineKeyboardMarkup, Message } from "@grammyjs/types";
import { badRequest } from "../api-error.ts";
import { readInteger, readString } from "../params.ts";
import { readReplyMarkup } from "../reply-markup.ts";
import { resolveApiChat } from "../resolve.ts";
import type { StoredMessage } from "../state/message-store.ts";
import { CAPTION, formatText, MESSAGE_TEXT } from "../text/format-text.ts";
import type { MethodContext, MethodTable } from "./method-context.ts";

const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

function findOwnMessage(context: MethodContext, action: "edit" | "delete"): StoredMessage {
  if (readString(context.params, "inline_message_id")) throw badRequest("MESSAGE_ID_INVALID");
  const target = resolveApiChat(context.world, context.bot, context.params);
  const messageId = readInteger(context.params, "message_id");
  if (messageId === undefined) throw badRequest("message identifier is not specified");
  const stored = context.world.messages.find(target.chat.id, context.bot.id, messageId);
  if (!stored) throw badRequest(`message to ${action} not found`);
  return stored;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Applies an edit the way Telegram does: omitting reply_markup removes the
 * inline keyboard, and an edit that changes nothing is a 400.
 */
function applyEdit(
  context: MethodContext,
  stored: StoredMessage,
  changes: Partial<Message>,
  markup: InlineKeyboardMarkup | undefined,
): Message {
  const current = stored.message;
  const unchanged =
    Object.entries(changes).every(([key, value]) => sameJson(current[key as keyof Message], value)) &&
    sameJson(current.reply_markup, markup);
  if (unchanged) throw badRequest(NOT_MODIFIED);
  const edited: Message = { ...structuredClone(current), ...changes, edit_date: context.world.unixNow() };
  for (const key of Object.keys(changes) as (keyof Message)[]) {
    if (changes[key] === undefined) delete edited[key];
  }
  if (markup) edited.reply_markup = markup;
  else delete edited.reply_markup;
  context.world.messages.replace(stored, edited);
  return structuredClone(edited);
}

export const editMessageMethods: MethodTable = {
  editMessageText(context) {
    const stored = findOwnMessage(context, "edit");
    if (!readString(context.params, "text")) throw badRequest("message text is empty");
    const formatted = formatText(context.params, MESSAGE_TEXT);
    if (formatted.text.length === 0) throw badRequest("message text is empty");
    if (formatted.text.length > 4096) throw badRequest("MESSAGE_TOO_LONG");
    if (!stored.sentByBot) throw badRequest("message can't be edited");
    if (stored.message.text === undefined) throw badRequest("there is no text in the message to edit");
    const entities = formatted.entities.length > 0 ? formatted.entities : undefined;
    return applyEdit(
      context,
      stored,
      { text: formatted.text, entities },
      readReplyMarkup(context.params, context.world),
    );
  },

  editMessageCaption(context) {
    const stored = findOwnMessage(context, "edit");
    if (!stored.sentByBot) throw badRequest("message can't be edited");
    if (stored.message.text !== undefined) throw badRequest("there is no caption in the message to edit");
    const formatted = formatText(context.params, CAPTION);
    if (formatted.text.length > 1024) throw badRequest("message caption is too long");
    const changes: Partial<Message> = {
      caption: formatted.text || undefined,
      caption_entities: formatted.entities.length > 0 ? formatted.entities : undefined,
    };
    return applyEdit(context, stored, changes, readReplyMarkup(context.params, context.world));
  },

  editMessageReplyMarkup(context) {
    const stored = findOwnMessage(context, "edit");
    if (!stored.sentByBot) throw badRequest("message can't be edited");
    return applyEdit(context, stored, {}, readReplyMarkup(context.params, context.world));
  },

  deleteMessage(context) {
    const stored = findOwnMessage(context, "delete");
    const { world, bot } = context;
    if (!stored.sentByBot && stored.chatId < 0) {
      const member = world.members.get(stored.chatId, bot.id);
      if (member.status !== "creator" && !member.rights?.can_delete_messages) {
        throw badRequest("message can't be deleted");
      }
    }
    world.messages.remove(stored.chatId, bot.id, stored.message.message_id);
    return true;
  },
};
