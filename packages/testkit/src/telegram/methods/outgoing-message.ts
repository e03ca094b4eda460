import type { Message } from "@grammyjs/types";
import { badRequest } from "../api-error.ts";
import { readBoolean, readInteger, readJson } from "../params.ts";
import { type ApiChat, assertCanSend, resolveApiChat } from "../resolve.ts";
import type { MethodContext } from "./method-context.ts";

/** Resolves chat_id and applies Telegram's "may the bot post here" checks. */
export function resolveSendTarget(context: MethodContext): ApiChat {
  const target = resolveApiChat(context.world, context.bot, context.params);
  assertCanSend(context.world, context.bot, target);
  return target;
}

/**
 * Stores a message the bot sends and returns what the Bot API would answer.
 * The flood limiter counts it here, after validation, because Telegram does
 * not count rejected requests against the limits either.
 */
export function postBotMessage(context: MethodContext, target: ApiChat, content: Partial<Message>): Message {
  const { world, bot } = context;
  const chat = target.chat;
  const replyTo = findReplyTarget(context, chat.id);
  world.flood.consume(bot.id, chat.id, readBoolean(context.params, "allow_paid_broadcast") === true);
  if (target.user) bot.reachableUsers.add(target.user.id);
  const message = world.messages.add(chat.id, bot.id, true, (messageId) => {
    const built: Message = { message_id: messageId, date: world.unixNow(), chat, ...content };
    if (chat.type === "channel") built.sender_chat = chat;
    else built.from = bot.user;
    if (replyTo) built.reply_to_message = replyTo as Message & { reply_to_message: undefined };
    return built;
  });
  return structuredClone(message);
}

function findReplyTarget(context: MethodContext, chatId: number): Message | undefined {
  const { params, world, bot } = context;
  const parameters = readJson(params, "reply_parameters", "reply parameters") as
    | { message_id?: unknown; allow_sending_without_reply?: unknown }
    | undefined;
  const messageId =
    parameters?.message_id !== undefined
      ? Number(parameters.message_id)
      : readInteger(params, "reply_to_message_id");
  if (messageId === undefined) return undefined;
  const allowWithout =
    parameters?.allow_sending_without_reply === true ||
    readBoolean(params, "allow_sending_without_reply") === true;
  const stored = world.messages.find(chatId, bot.id, messageId);
  if (!stored) {
    if (allowWithout) return undefined;
    throw badRequest("message to be replied not found");
  }
  const { reply_to_message: _nested, ...reply } = structuredClone(stored.message);
  return reply;
}
