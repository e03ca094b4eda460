import http from "node:http";
import type { Update } from "@grammyjs/types";
import type { WebhookDelivery } from "../types.ts";
import { isUpdateAllowed } from "./allowed-updates.ts";
import { type BotUpdateState, notifyIfIdle, type WebhookConfig } from "./bot-update-state.ts";
import { postJson } from "./post-json.ts";

export type WebhookTarget = { token: string; updates: BotUpdateState };

export type WebhookSenderOptions = {
  /** Up to the webhook's max_connections updates in flight per bot, over keep-alive connections. */
  parallel?: boolean;
  attempts: number;
  delayMs: number;
  timeoutMs: () => number;
  /** Extra trusted certificates (PEM) for https webhooks. */
  ca?: string | undefined;
  now: () => number;
  signal: AbortSignal;
  onDelivery(delivery: WebhookDelivery): void;
  /** A webhook answer carrying {"method": ...} is executed as an API call, like Telegram does. */
  onReply(token: string, payload: Record<string, unknown>): Promise<void>;
};

export type WebhookSender = { kick(target: WebhookTarget): void };

/**
 * Delivers one update at a time per bot, in order (or, when `parallel`, up to max_connections at
 * once, as Telegram does). Telegram runs several connections in parallel, but in-order delivery
 * keeps tests deterministic, so serial is the default.
 * A failed update is retried a few times and then dropped, where Telegram
 * would keep trying; the failure stays visible in getWebhookInfo.
 */
export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  // Only the parallel mode pools connections; closing the emulator drops them.
  const agent = options.parallel ? new http.Agent({ keepAlive: true, maxSockets: 100 }) : undefined;
  if (agent) options.signal.addEventListener("abort", () => agent.destroy());
  const inFlight = new WeakMap<BotUpdateState, Set<Update>>();

  const drain = async (target: WebhookTarget) => {
    const state = target.updates;
    while (state.webhook && state.queue.length > 0 && !options.signal.aborted) {
      const update = state.queue[0]!;
      if (isUpdateAllowed(update, state.allowedUpdates)) {
        await deliverWithRetries(target, state.webhook, update);
      }
      if (state.queue[0] === update) state.queue.shift();
      notifyIfIdle(state);
    }
  };

  const deliverWithRetries = async (target: WebhookTarget, hook: WebhookConfig, update: Update) => {
    const headers: Record<string, string> = {};
    if (hook.secretToken) headers["X-Telegram-Bot-Api-Secret-Token"] = hook.secretToken;
    for (let attempt = 1; attempt <= options.attempts; attempt++) {
      if (options.signal.aborted || target.updates.webhook !== hook) return;
      const delivery: WebhookDelivery = {
        token: target.token,
        url: hook.url,
        updateId: update.update_id,
        attempt,
        status: null,
        at: options.now(),
      };
      try {
        const result = await postJson(
          hook.url,
          update,
          headers,
          options.timeoutMs(),
          options.signal,
          options.ca,
          agent,
        );
        delivery.status = result.status;
        if (result.status >= 200 && result.status < 300) {
          options.onDelivery(delivery);
          await runWebhookReply(target.token, result.contentType, result.body, options);
          return;
        }
        delivery.error = `Wrong response from the webhook: ${result.status}`;
      } catch (error) {
        delivery.error = error instanceof Error ? error.message : String(error);
      }
      options.onDelivery(delivery);
      target.updates.lastError = {
        date: Math.floor(options.now() / 1000),
        message: delivery.error ?? "Unknown error",
      };
      if (attempt < options.attempts) await pause(options.delayMs, options.signal);
    }
  };

  /**
   * Starts queued updates until max_connections are in flight; each one finished starts the next.
   * The queue keeps an update until its delivery ends, so idleness means the same as in serial.
   */
  const pump = (target: WebhookTarget): void => {
    const state = target.updates;
    const hook = state.webhook;
    if (!hook || options.signal.aborted) return;
    const flying = inFlight.get(state) ?? new Set<Update>();
    inFlight.set(state, flying);
    for (const update of [...state.queue]) {
      if (flying.size >= hook.maxConnections) break;
      if (flying.has(update)) continue;
      flying.add(update);
      const allowed = isUpdateAllowed(update, state.allowedUpdates);
      void (allowed ? deliverWithRetries(target, hook, update) : Promise.resolve()).finally(() => {
        flying.delete(update);
        const at = state.queue.indexOf(update);
        if (at >= 0) state.queue.splice(at, 1);
        notifyIfIdle(state);
        pump(target);
      });
    }
  };

  const kick = (target: WebhookTarget): void => {
    if (options.parallel) {
      pump(target);
      return;
    }
    const state = target.updates;
    if (state.webhookBusy || !state.webhook) return;
    state.webhookBusy = true;
    void drain(target).finally(() => {
      state.webhookBusy = false;
      if (state.webhook && state.queue.length > 0 && !options.signal.aborted) kick(target);
    });
  };
  return { kick };
}

async function runWebhookReply(
  token: string,
  contentType: string,
  body: string,
  options: WebhookSenderOptions,
): Promise<void> {
  if (!contentType.includes("json") || body.trim() === "") return;
  try {
    const payload: unknown = JSON.parse(body);
    if (payload && typeof payload === "object" && "method" in payload) {
      await options.onReply(token, payload as Record<string, unknown>);
    }
  } catch {
    // Telegram ignores webhook answers it cannot understand.
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done);
  });
}
