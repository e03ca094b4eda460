import { tooManyRequests } from "./api-error.ts";
import type { FloodLimits } from "./types.ts";

export type FloodLimiter = {
  /**
   * Counts one outgoing message; throws the 429 Telegram would send when over a limit. A paid
   * broadcast message (allow_paid_broadcast) may go up to 1000/s for the bot instead.
   */
  consume(botId: number, chatId: number, paid?: boolean): void;
};

const WINDOW_MS = 1000;
/** Telegram's ceiling for paid broadcasts. */
const PAID_BROADCAST_PER_SECOND = 1000;

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
    consume(botId, chatId, paid = false) {
      const at = now();
      const global = recent(`${botId}`, at);
      const chat = recent(`${botId}:${chatId}`, at);
      if (chat.length >= limits.perChatPerSecond) throw tooManyRequests(retryAfter(chat, at));
      const globalLimit = paid
        ? Math.max(limits.globalPerSecond, PAID_BROADCAST_PER_SECOND)
        : limits.globalPerSecond;
      if (global.length >= globalLimit) throw tooManyRequests(retryAfter(global, at));
      global.push(at);
      chat.push(at);
    },
  };
}
