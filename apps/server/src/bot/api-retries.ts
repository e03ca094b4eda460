import { autoRetry } from "@grammyjs/auto-retry";
import { type Api, HttpError, type Transformer } from "grammy";

/** How often a call is tried again after a network error, and how long it waits at most. */
export type NetworkRetry = { attempts: number; firstDelayMs: number; maxDelayMs: number };

export const defaultNetworkRetry: NetworkRetry = { attempts: 3, firstDelayMs: 500, maxDelayMs: 4000 };

/** Waits, or stops waiting when the call is aborted (grammY's signal type is its polyfill's). */
const pause = (
  ms: number,
  signal: { aborted: boolean; addEventListener(type: "abort", fn: () => void): void } | undefined,
) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * Retries a call that never reached Telegram (refused, reset, DNS) a few times with a doubling,
 * capped delay, then lets the error through. auto-retry alone retries these forever (backoff up
 * to an hour), so one bot whose API is unreachable would hold server start and shutdown.
 */
export function retryNetworkErrors(options: NetworkRetry = defaultNetworkRetry): Transformer {
  return async (prev, method, payload, signal) => {
    let delay = options.firstDelayMs;
    for (let attempt = 1; ; attempt++) {
      try {
        return await prev(method, payload, signal);
      } catch (error) {
        if (!(error instanceof HttpError) || attempt > options.attempts || signal?.aborted) throw error;
        await pause(Math.min(delay, options.maxDelayMs), signal);
        delay *= 2;
      }
    }
  };
}

/**
 * Lumen's retries for every Telegram client: a 429 waits its retry_after (up to a minute) and a
 * 5xx backs off, three times at most (auto-retry); a network error is retried a bounded number
 * of times here. Installed after any throttle, so they run outside it.
 */
export function installApiRetries(api: Api, network: NetworkRetry = defaultNetworkRetry): void {
  api.config.use(retryNetworkErrors(network));
  api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60, rethrowHttpErrors: true }));
}
