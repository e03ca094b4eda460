import type { Update } from "@grammyjs/types";
import type { TelegramApiError } from "../api-error.ts";
import { isUpdateAllowed } from "./allowed-updates.ts";

export type WebhookConfig = {
  url: string;
  secretToken?: string;
  maxConnections: number;
};

/** A getUpdates request being held open; exactly one per bot, like Telegram. */
export type PendingPoll = {
  /** Called when new updates arrive; answers the request if any are deliverable. */
  wake(): void;
  finish(outcome: Update[] | TelegramApiError): void;
};

export type BotUpdateState = {
  nextUpdateId: number;
  /** Updates not yet confirmed (getUpdates) or not yet delivered (webhook). */
  queue: Update[];
  /** Telegram keeps one allowed_updates setting per bot, shared by getUpdates and setWebhook. */
  allowedUpdates: string[] | undefined;
  webhook: WebhookConfig | undefined;
  webhookBusy: boolean;
  lastError: { date: number; message: string } | undefined;
  poll: PendingPoll | undefined;
  /** Notified whenever a getUpdates request starts waiting, for waitForPolling. */
  pollStarted: Set<() => void>;
  /** Notified when every deliverable update has been confirmed or acknowledged. */
  idle: Set<() => void>;
};

export function createBotUpdateState(): BotUpdateState {
  return {
    nextUpdateId: 100_000_000 + Math.floor(Math.random() * 100_000_000),
    queue: [],
    allowedUpdates: undefined,
    webhook: undefined,
    webhookBusy: false,
    lastError: undefined,
    poll: undefined,
    pollStarted: new Set(),
    idle: new Set(),
  };
}

/**
 * Idle means the bot has handled everything sent to it: confirmed by a later
 * getUpdates offset, or answered 2xx by its webhook. Updates of kinds the bot
 * did not subscribe to do not count; they will never be handed out.
 */
export function isIdle(state: BotUpdateState): boolean {
  return state.queue.every((update) => !isUpdateAllowed(update, state.allowedUpdates));
}

export function notifyIfIdle(state: BotUpdateState): void {
  if (!isIdle(state)) return;
  for (const listener of [...state.idle]) listener();
}
