import { authorizationHeader, currentBotId } from "./api.ts";

export type StoreEvent = {
  type: "app_opened" | "product_viewed" | "checkout_started";
  product_id?: string;
  source?: string;
};

const queue: StoreEvent[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;
const FLUSH_AFTER_MS = 5_000;
const MAX_BATCH = 50;

/**
 * What the buyer did, for the product funnel: queued and sent in small batches on a timer, and when
 * the page is hidden or left (a keepalive fetch outlives the page). Analytics never block or break
 * the store: a failed batch is dropped.
 */
export function track(event: StoreEvent): void {
  queue.push(event);
  if (queue.length >= MAX_BATCH) flushEvents();
  else timer ??= setTimeout(flushEvents, FLUSH_AFTER_MS);
}

export function flushEvents(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  const authorization = authorizationHeader();
  while (queue.length) {
    const events = queue.splice(0, MAX_BATCH);
    if (!authorization) continue;
    fetch(`/api/v1/app/${currentBotId()}/events`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization },
      body: JSON.stringify({ events }),
      keepalive: true,
    }).catch(() => {
      // Offline or refused: the funnel misses these, the buyer notices nothing.
    });
  }
}

/** Sends what is queued when the buyer switches away or closes the store. */
export function flushEventsOnExit(): void {
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flushEvents();
  });
  addEventListener("pagehide", flushEvents);
}
