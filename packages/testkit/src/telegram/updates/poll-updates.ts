import type { Update } from "@grammyjs/types";
import { conflict, TelegramApiError } from "../api-error.ts";
import { isUpdateAllowed } from "./allowed-updates.ts";
import { type BotUpdateState, notifyIfIdle } from "./bot-update-state.ts";

export type PollRequest = {
  offset: number | undefined;
  limit: number;
  timeoutSeconds: number;
  allowedUpdates: string[] | undefined;
  /** Aborted when the client disconnects (grammY aborts its poll on bot.stop()). */
  signal: AbortSignal;
};

/** getUpdates semantics: confirm by offset, filter by allowed_updates, hold the request open. */
export function pollUpdates(state: BotUpdateState, request: PollRequest): Promise<Update[]> {
  if (state.webhook) {
    throw conflict(
      "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    );
  }
  if (request.allowedUpdates !== undefined) state.allowedUpdates = request.allowedUpdates;
  confirmUpTo(state, request.offset);
  // Telegram answers the older request with 409 and keeps serving the newer one.
  state.poll?.finish(
    conflict("terminated by other getUpdates request; make sure that only one bot instance is running"),
  );

  const ready = takeDeliverable(state, request.limit);
  notifyIfIdle(state);
  if (ready.length > 0 || request.timeoutSeconds <= 0 || request.signal.aborted) {
    return Promise.resolve(ready);
  }
  return new Promise((resolve, reject) => {
    const finish = (outcome: Update[] | TelegramApiError) => {
      if (state.poll !== poll) return;
      state.poll = undefined;
      clearTimeout(timer);
      request.signal.removeEventListener("abort", onAbort);
      if (outcome instanceof TelegramApiError) reject(outcome);
      else resolve(outcome);
    };
    const poll = {
      wake() {
        const updates = takeDeliverable(state, request.limit);
        if (updates.length > 0) finish(updates);
      },
      finish,
    };
    const onAbort = () => finish([]);
    const timer = setTimeout(() => finish([]), request.timeoutSeconds * 1000);
    request.signal.addEventListener("abort", onAbort);
    state.poll = poll;
    for (const listener of state.pollStarted) listener();
  });
}

function confirmUpTo(state: BotUpdateState, offset: number | undefined): void {
  if (offset === undefined || offset === 0) return;
  if (offset < 0) {
    state.queue = state.queue.slice(offset);
    return;
  }
  state.queue = state.queue.filter((update) => update.update_id >= offset);
}

/**
 * Updates of kinds the bot did not ask for are dropped, as Telegram never
 * creates them; filtering at hand-out time means a bot that starts polling
 * right after a test acted still sees what it subscribed to.
 */
function takeDeliverable(state: BotUpdateState, limit: number): Update[] {
  state.queue = state.queue.filter((update) => isUpdateAllowed(update, state.allowedUpdates));
  return state.queue.slice(0, limit).map((update) => structuredClone(update));
}
