import { type Exchange, startHttpServer, writeJson } from "../openai/http-server.ts";
import { createObservableLog } from "../telegram/observable-log.ts";
import { handleCheckout } from "./checkout-page.ts";
import { createFaultPlan } from "./fault-plan.ts";
import { type ApiState, handleApiExchange } from "./handle-api-exchange.ts";
import { createIdempotenceStore } from "./idempotence.ts";
import { createLedger } from "./ledger.ts";
import { createWebhookSender } from "./send-webhook.ts";
import type {
  FakeYooKassa,
  FakeYooKassaOptions,
  WaitForYooKassaRequestOptions,
  YooKassaRequestPredicate,
  YooKassaRequestRecord,
} from "./types.ts";
import { failureAnswer, notFound } from "./yookassa-error.ts";

/**
 * Starts a YooKassa API v3 server on 127.0.0.1 for Lumen's own client to talk to:
 *
 *   const yk = await createFakeYooKassa({ shopId: "100500", secretKey: "test_key" });
 *   process.env.YOOKASSA_API_URL = yk.baseUrl;
 *   // ...the shop creates a payment...
 *   yk.succeed(paymentId);
 *   await yk.sendWebhook(`${shopUrl}/yookassa/webhook`, "payment.succeeded", paymentId);
 *
 * Waiting is event-driven and close() ends held requests and webhooks in flight,
 * so suites can run many of these side by side; always `await yk.close()`.
 */
export async function createFakeYooKassa(options: FakeYooKassaOptions = {}): Promise<FakeYooKassa> {
  const shopId = options.shopId ?? "100500";
  const secretKey = options.secretKey ?? "test_fake_secret_key";
  const now = options.now ?? Date.now;
  const commissionPercent = options.commissionPercent ?? 3.5;
  if (!(commissionPercent >= 0 && commissionPercent < 100)) {
    throw new RangeError(
      `createFakeYooKassa: commissionPercent must be within [0, 100), got ${commissionPercent}`,
    );
  }
  const log = createObservableLog<YooKassaRequestRecord>("waitForRequest");
  let origin = "";
  const ledger = createLedger({
    shopId,
    gatewayId: options.gatewayId ?? "100700",
    commissionPercent,
    now,
    origin: () => origin,
  });
  const state: ApiState = {
    context: { shopId, secretKey, ledger, idempotence: createIdempotenceStore(now) },
    faults: createFaultPlan(),
    log,
    now,
  };
  const webhooks = createWebhookSender(ledger, now);
  const server = await startHttpServer(options.port ?? 0, (exchange) => route(exchange, state));
  origin = `http://127.0.0.1:${server.port}`;
  let closed: Promise<void> | undefined;

  return {
    baseUrl: `${origin}/v3`,
    shopId,
    secretKey,
    requests: log.items,
    get payments() {
      return ledger.listPayments();
    },
    get refunds() {
      return ledger.listRefunds();
    },
    webhooks: webhooks.deliveries,
    payment: ledger.payment,
    succeed: ledger.succeed,
    cancel: (paymentId, reason = "expired_on_confirmation") => ledger.cancel(paymentId, reason),
    failNext(failure, failOptions) {
      state.faults.failNext(failure, failOptions?.times ?? 1);
    },
    waitForRequest(
      predicateOrOptions?: YooKassaRequestPredicate | WaitForYooKassaRequestOptions,
      waitOptions?: WaitForYooKassaRequestOptions,
    ) {
      const [predicate, opts] =
        typeof predicateOrOptions === "function"
          ? [predicateOrOptions, waitOptions ?? {}]
          : [() => true, predicateOrOptions ?? {}];
      return log.waitFor(predicate, opts, (ms) => describeTimeout(log.items, ms, opts.after ?? 0));
    },
    sendWebhook: (url, event, objectId, sendOptions) =>
      webhooks.sendEvent(url, event, objectId, sendOptions ?? {}),
    sendRawWebhook: (url, body, sendOptions) => webhooks.sendRaw(url, body, sendOptions ?? {}),
    close() {
      closed ??= (async () => {
        log.close();
        webhooks.close();
        await server.close();
      })();
      return closed;
    },
  };
}

async function route(exchange: Exchange, state: ApiState): Promise<void> {
  const path = new URL(exchange.request.url ?? "/", "http://127.0.0.1").pathname.replace(/(.)\/+$/, "$1");
  try {
    if (path === "/v3" || path.startsWith("/v3/")) return await handleApiExchange(exchange, state, path);
    if (handleCheckout(exchange, state.context.ledger, path)) return;
    exchange.request.resume();
    const answer = notFound(`fake YooKassa has nothing at ${path}`);
    writeJson(exchange, answer.status, answer.body);
  } catch (error) {
    console.error("fake YooKassa:", error);
    const answer = failureAnswer(500, "fake YooKassa crashed; see the test output");
    if (!exchange.response.headersSent) writeJson(exchange, answer.status, answer.body);
  }
}

/** The timeout error lists what did arrive, which is usually the clue the test needs. */
function describeTimeout(requests: YooKassaRequestRecord[], timeoutMs: number, after: number): string {
  const recent = requests.slice(Math.max(after, requests.length - 8)).map((request) => {
    const flags = [request.replay ? "replay" : "", request.injected ? "injected" : ""].filter(Boolean);
    const key = request.idempotenceKey ? ` key=${request.idempotenceKey}` : "";
    return `  #${request.index} ${request.method} ${request.path}${key} -> ${request.status ?? "held"} ${flags.join(" ")}`;
  });
  const lines = [`waitForRequest timed out after ${timeoutMs} ms.`];
  lines.push(recent.length > 0 ? "Recent requests:" : "No API requests arrived.", ...recent);
  return lines.join("\n");
}
