import type { Message } from "@grammyjs/types";

export type StoredMessage = {
  message: Message;
  chatId: number;
  /** The bot whose view of the chat this message belongs to (private chats are per bot). */
  botId: number;
  /** True when the bot sent it; only those can be edited by the bot. */
  sentByBot: boolean;
  seq: number;
};

export type MessageStore = {
  add(chatId: number, botId: number, sentByBot: boolean, build: (messageId: number) => Message): Message;
  find(chatId: number, botId: number, messageId: number): StoredMessage | undefined;
  replace(stored: StoredMessage, message: Message): void;
  remove(chatId: number, botId: number, messageId: number): boolean;
  history(chatId: number, botId?: number): Message[];
};

/**
 * A private chat between a user and bot A is a different conversation from the
 * one with bot B even though both have chat id = user id, so private chats are
 * keyed by bot as well; groups and channels share one sequence of message ids.
 */
function conversationKey(chatId: number, botId: number): string {
  return chatId > 0 ? `${chatId}:${botId}` : `${chatId}`;
}

export function createMessageStore(): MessageStore {
  const conversations = new Map<string, Map<number, StoredMessage>>();
  const lastMessageId = new Map<string, number>();
  let seq = 0;

  const conversation = (key: string): Map<number, StoredMessage> => {
    let messages = conversations.get(key);
    if (!messages) {
      messages = new Map();
      conversations.set(key, messages);
    }
    return messages;
  };

  return {
    add(chatId, botId, sentByBot, build) {
      const key = conversationKey(chatId, botId);
      const messageId = (lastMessageId.get(key) ?? 0) + 1;
      lastMessageId.set(key, messageId);
      const message = build(messageId);
      conversation(key).set(messageId, { message, chatId, botId, sentByBot, seq: ++seq });
      return message;
    },
    find(chatId, botId, messageId) {
      return conversations.get(conversationKey(chatId, botId))?.get(messageId);
    },
    replace(stored, message) {
      stored.message = message;
    },
    remove(chatId, botId, messageId) {
      return conversations.get(conversationKey(chatId, botId))?.delete(messageId) ?? false;
    },
    history(chatId, botId) {
      const found: StoredMessage[] = [];
      for (const [key, messages] of conversations) {
        const [keyChat, keyBot] = key.split(":");
        if (Number(keyChat) !== chatId) continue;
        if (botId !== undefined && keyBot !== undefined && Number(keyBot) !== botId) continue;
        found.push(...messages.values());
      }
      return found.sort((a, b) => a.seq - b.seq).map((s) => structuredClone(s.message));
    },
  };
}
