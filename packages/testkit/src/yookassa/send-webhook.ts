import type { Ledger } from "./ledger.ts";
import type {
  YooKassaWebhookDelivery,
  YooKassaWebhookEvent,
  YooKassaWebhookOptions,
  YooKassaWebhookResult,
} from "./types.ts";

const EVENTS = new Set<string>([
  "payment.succeeded",
  "payment.waiting_for_capture",
  "payment.canceled",
  "refund.succeeded",
]);

export type WebhookSender = {
  readonly deliveries: YooKassaWebhookDelivery[];
  sendEvent(
    url: string,
    event: YooKassaWebhookEvent,
    objectId: string,
    options: YooKassaWebhookOptions,
  ): Promise<YooKassaWebhookResult>;
  sendRaw(url: string, body: unknown, options: YooKassaWebhookOptions): Promise<YooKassaWebhookResult>;
  /** Aborts deliveries still in flight; later sends fail at once. */
  close(): void;
};

/**
 * Posts notifications the way YooKassa does: JSON, POST, no signature (shops can only
 * check the sender's IP, hence `fromIp` -> X-Forwarded-For). The object is taken as it
 * stands, without checking that it matches the event, so tests can send stale or
 * out-of-order notifications too.
 */
export function createWebhookSender(ledger: Ledger, now: () => number): WebhookSender {
  const deliveries: YooKassaWebhookDelivery[] = [];
  const closing = new AbortController();

  const post = async (url: string, body: unknown, options: YooKassaWebhookOptions) => {
    if (closing.signal.aborted) throw new Error("fake YooKassa: sendWebhook after close()");
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (options.fromIp !== undefined) headers["x-forwarded-for"] = options.fromIp;
    const delivery: YooKassaWebhookDelivery = {
      url,
      body: structuredClone(body),
      fromIp: options.fromIp,
      at: now(),
      status: undefined,
      responseBody: undefined,
    };
    deliveries.push(delivery);
    const signal = AbortSignal.any([closing.signal, AbortSignal.timeout(options.timeoutMs ?? 5000)]);
    try {
      const response = await fetch(url, { method: "POST", headers, body: JSON.stringify(body), signal });
      const text = await response.text();
      delivery.status = response.status;
      delivery.responseBody = text;
      return { status: response.status, body: text };
    } catch (error) {
      delivery.error = error instanceof Error ? error.message : String(error);
      throw new Error(`fake YooKassa: webhook to ${url} failed: ${delivery.error}`, { cause: error });
    }
  };

  return {
    deliveries,
    sendEvent(url, event, objectId, options) {
      if (!EVENTS.has(event))
        return Promise.reject(new Error(`fake YooKassa: unknown webhook event ${event}`));
      const object = event.startsWith("refund.") ? ledger.findRefund(objectId) : ledger.findPayment(objectId);
      if (!object) {
        const kind = event.startsWith("refund.") ? "refund" : "payment";
        return Promise.reject(new Error(`fake YooKassa: no ${kind} ${objectId} for ${event}`));
      }
      return post(url, { type: "notification", event, object }, options);
    },
    sendRaw: post,
    close() {
      closing.abort();
    },
  };
}
