import { tooManyRequests } from "./api-error.ts";
import type { FloodLimits } from "./types.ts";

export type FloodLimiter = {
  /** Counts one outgoing message; throws the 429 Telegram would send when over a limit. */
  consume(botId: number, chatId: number): void;
};

const WINDOW_MS = 1000;

/**
 * Sliding one-second windows per chat and per bot, read from the injected
 * clock so tests can step time instead of sleeping.
 */
export function createFloodLimiter(limits: FloodLimits | false, now: () => number): FloodLimiter {
  if (!limits) return { consume() {} };
  const windows = new Map<string, number[]>();

  const recent = (key: string, at: number): number[] => {
    const kept = (windows.get(key) ?? []).filter((time) => time > at - WINDOW_MS);
    windows.set(key, kept);
    return kept;
  };
  const retryAfter = (times: number[], at: number) =>
    Math.max(1, Math.ceil(((times[0] ?? at) + WINDOW_MS - at) / 1000));

  return {
    consume(botId, chatId) {
      const at = now();
      const global = recent(`${botId}`, at);
      const chat = recent(`${botId}:${chatId}`, at);
      if (chat.length >= limits.perChatPerSecond) throw tooManyRequests(retryAfter(chat, at));
      if (global.length >= limits.globalPerSecond) throw tooManyRequests(retryAfter(global, at));
      global.push(at);
      chat.push(at);
    },
  };
}
