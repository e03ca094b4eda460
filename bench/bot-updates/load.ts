import type { BotHandle, TelegramEmulator } from "@lumen/testkit";

export type Writer = { bot: BotHandle; user: { id: number } };

export type PhaseResult = {
  seconds: number;
  /** Updates answered with a sendMessage that Telegram accepted. */
  answered: number;
  /** No reply within REPLY_TIMEOUT_MS, or the reply was refused. */
  failed: number;
  /** Update sent → reply received, per answered update, in ms. */
  latenciesMs: number[];
};

const REPLY_TIMEOUT_MS = 10_000;

/**
 * Resolves when the bot's sendMessage to a chat has been answered by the emulator. A closed loop
 * never has two updates of one chat in flight, so the chat id is enough to match the reply.
 */
export function createReplyWaiter(tg: TelegramEmulator) {
  const waiting = new Map<number, (ok: boolean) => void>();
  const off = tg.onCall((call) => {
    if (call.method !== "sendMessage") return;
    const chat = Number(call.params.chat_id);
    const wake = waiting.get(chat);
    if (!wake) return;
    waiting.delete(chat);
    wake(call.response.ok);
  });
  return {
    wait(chat: number): Promise<boolean> {
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(chat);
          resolve(false);
        }, REPLY_TIMEOUT_MS);
        waiting.set(chat, (ok) => {
          clearTimeout(timer);
          resolve(ok);
        });
      });
    },
    stop: off,
  };
}

/**
 * `concurrency` users at a time write `text` to their bot through the emulator, which POSTs the
 * update to Lumen's webhook; each waits for the reply, then the next of that lane's users writes
 * (a closed loop). Lanes own disjoint users, so a chat never has two updates in flight.
 */
export async function runPhase(
  tg: TelegramEmulator,
  writers: readonly Writer[],
  text: string,
  concurrency: number,
  stop: { seconds: number } | { onceEach: true },
): Promise<PhaseResult> {
  const replies = createReplyWaiter(tg);
  const latenciesMs: number[] = [];
  let answered = 0;
  let failed = 0;
  const started = performance.now();
  const deadline = "seconds" in stop ? started + stop.seconds * 1000 : Number.POSITIVE_INFINITY;
  const lane = async (index: number) => {
    const mine = writers.filter((_, i) => i % concurrency === index);
    for (let turn = 0; ; turn++) {
      if ("onceEach" in stop ? turn >= mine.length : performance.now() >= deadline) return;
      const writer = mine[turn % mine.length] as Writer;
      const sent = performance.now();
      const reply = replies.wait(writer.user.id);
      await tg.sendText(writer.bot, writer.user, text);
      if (await reply) {
        answered++;
        latenciesMs.push(performance.now() - sent);
      } else failed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, i) => lane(i)));
  replies.stop();
  return { seconds: (performance.now() - started) / 1000, answered, failed, latenciesMs };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}
