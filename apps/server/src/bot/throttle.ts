import type { Transformer } from "grammy";

export type ThrottleOptions = { globalPerSecond: number; perChatPerSecond: number; burst?: number };

/**
 * Generic cell rate algorithm: each key remembers when its next call is "due"; calls
 * inside the burst allowance go at once, later ones wait their turn. Calls keep their order.
 */
export function createLimiter(perSecond: number, burst: number) {
  const interval = 1000 / perSecond;
  const tolerance = (burst - 1) * interval;
  const due = new Map<string | number, number>();
  return (key: string | number, now: number): number => {
    const tat = Math.max(due.get(key) ?? now, now);
    const wait = Math.max(0, tat - tolerance - now);
    due.set(key, tat + interval);
    if (due.size > 10_000) for (const [k, t] of due) if (t < now) due.delete(k);
    return wait;
  };
}

const unthrottled = new Set([
  "getUpdates",
  "answerCallbackQuery",
  "answerPreCheckoutQuery",
  "answerInlineQuery",
  "sendChatAction",
]);

/** Drafts are previews made for frequent updates; they must not use up the chat's message allowance. */
const globalOnly = new Set(["sendMessageDraft"]);

/** Keeps outgoing calls under Telegram's flood limits: per chat and for the whole bot. */
export function createThrottle(options: ThrottleOptions): Transformer {
  const burst = options.burst ?? 3;
  const global = createLimiter(options.globalPerSecond, burst);
  const perChat = createLimiter(options.perChatPerSecond, burst);
  return async (prev, method, payload, signal) => {
    const chatId = (payload as { chat_id?: string | number } | undefined)?.chat_id;
    if (chatId !== undefined && !unthrottled.has(method)) {
      const now = Date.now();
      const wait = Math.max(global("all", now), globalOnly.has(method) ? 0 : perChat(chatId, now));
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    return prev(method, payload, signal);
  };
}
