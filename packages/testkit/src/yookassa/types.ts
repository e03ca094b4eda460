import type { WaitOptions } from "../telegram/observable-log.ts";

/** Money as YooKassa writes it: a decimal string with two places ("990.00") and an ISO currency. */
export type YooKassaAmount = { value: string; currency: string };

export type YooKassaPaymentStatus = "pending" | "waiting_for_capture" | "succeeded" | "canceled";

/** A payment object as GET /v3/payments/{id} returns it; optional fields appear as YooKassa adds them. */
export type YooKassaPayment = {
  id: string;
  status: YooKassaPaymentStatus;
  paid: boolean;
  amount: YooKassaAmount;
  /** Amount minus YooKassa's commission; set once the payment succeeded. */
  income_amount?: YooKassaAmount;
  description?: string;
  recipient: { account_id: string; gateway_id: string };
  payment_method?: {
    type: string;
    id: string;
    saved: boolean;
    status: string;
    title: string;
    card?: Record<string, string>;
  };
  captured_at?: string;
  created_at: string;
  /** Present only while the payment waits for the user (status "pending"). */
  confirmation?: { type: "redirect"; confirmation_url: string };
  test: boolean;
  refunded_amount?: YooKassaAmount;
  refundable: boolean;
  receipt_registration?: "pending" | "succeeded" | "canceled";
  metadata: Record<string, string>;
  cancellation_details?: { party: string; reason: string };
  authorization_details?: { rrn: string; auth_code: string; three_d_secure: { applied: boolean } };
};

export type YooKassaRefund = {
  id: string;
  payment_id: string;
  status: "succeeded";
  amount: YooKassaAmount;
  created_at: string;
  description?: string;
  receipt_registration?: "pending" | "succeeded";
};

/** YooKassa's error body for every 4xx/5xx answer. */
export type YooKassaErrorBody = {
  type: "error";
  id: string;
  code: string;
  description: string;
  parameter?: string;
};

/** One request to the /v3 API (the checkout page is not logged), recorded once it was answered. */
export type YooKassaRequestRecord = {
  /** Position in `requests`; pass `index + 1` as `after` to wait for later requests only. */
  index: number;
  method: string;
  /** Path without the query, e.g. "/v3/payments". */
  path: string;
  idempotenceKey: string | undefined;
  /** True when the answer was the stored response of an earlier request with the same key and body. */
  replay: boolean;
  /** True when failNext decided the answer. */
  injected: boolean;
  /** HTTP status sent; undefined for a "timeout" failure, which never answers. */
  status: number | undefined;
  /** The parsed JSON body (undefined for GET or a body that was not JSON). */
  body: unknown;
  /** The JSON sent back (undefined for "timeout"). */
  response: unknown;
  /** Clock time (ms, from the `now` option) when the request was answered. */
  at: number;
};

export type YooKassaRequestPredicate = (request: YooKassaRequestRecord) => boolean;
export type WaitForYooKassaRequestOptions = WaitOptions;

/**
 * An injected outage. `{ status }` answers with YooKassa's error body for that status
 * (500 -> internal_server_error, 429 -> too_many_requests...). With `afterProcessing`
 * the request is carried out first (a payment is created and its key remembered) and
 * only the answer is lost, which is what a retry with the same Idempotence-Key must survive.
 * "timeout" holds the request unanswered until the client gives up or the fake closes.
 */
export type FakeYooKassaFailure =
  | { status: number; afterProcessing?: boolean; description?: string }
  | "timeout";

export type YooKassaWebhookEvent =
  | "payment.succeeded"
  | "payment.waiting_for_capture"
  | "payment.canceled"
  | "refund.succeeded";

export type YooKassaWebhookOptions = {
  /** Sent as `X-Forwarded-For`, for a receiver that trusts its proxy; default: no header. */
  fromIp?: string;
  /** Give up after this long; default 5000 ms. */
  timeoutMs?: number;
};

/** What the shop's server answered. */
export type YooKassaWebhookResult = { status: number; body: string };

export type YooKassaWebhookDelivery = {
  url: string;
  body: unknown;
  fromIp: string | undefined;
  at: number;
  /** Undefined when the request failed; see `error`. */
  status: number | undefined;
  responseBody: string | undefined;
  error?: string;
};

export type FakeYooKassaOptions = {
  /** Default "100500". */
  shopId?: string;
  /** Default "test_fake_secret_key". */
  secretKey?: string;
  /** Shown as recipient.gateway_id; default "100700". */
  gatewayId?: string;
  /** Commission kept by YooKassa, for income_amount; default 3.5. */
  commissionPercent?: number;
  /** Clock (ms) for created_at, captured_at and the 24 h idempotence window; default Date.now. */
  now?: () => number;
  /** Defaults to an ephemeral port on 127.0.0.1. */
  port?: number;
};

/** A YooKassa API v3 server for tests and the local playground. */
export type FakeYooKassa = {
  /** "http://127.0.0.1:<port>/v3": pass as YOOKASSA_API_URL. */
  readonly baseUrl: string;
  readonly shopId: string;
  readonly secretKey: string;
  /** Every /v3 request in arrival order, including rejected and injected ones. */
  readonly requests: readonly YooKassaRequestRecord[];
  /** Snapshots of every payment, in creation order. */
  readonly payments: YooKassaPayment[];
  /** Snapshots of every refund, in creation order. */
  readonly refunds: YooKassaRefund[];
  /** Every webhook sent with sendWebhook / sendRawWebhook. */
  readonly webhooks: readonly YooKassaWebhookDelivery[];

  /** A snapshot of the payment; throws for an unknown id. */
  payment(id: string): YooKassaPayment;
  /** The user paid: pending -> succeeded, as after a successful bank card payment. */
  succeed(paymentId: string): YooKassaPayment;
  /** The payment failed or expired: pending -> canceled with cancellation_details. */
  cancel(paymentId: string, reason?: string): YooKassaPayment;
  /** The next `times` API requests fail this way, in the order queued. */
  failNext(failure: FakeYooKassaFailure, options?: { times?: number }): void;
  /** Resolves with the first request matching `predicate`, already received or future. */
  waitForRequest(
    predicate?: YooKassaRequestPredicate,
    options?: WaitForYooKassaRequestOptions,
  ): Promise<YooKassaRequestRecord>;
  waitForRequest(options: WaitForYooKassaRequestOptions): Promise<YooKassaRequestRecord>;
  /** POSTs `{ type: "notification", event, object }` with the object as it stands now. */
  sendWebhook(
    url: string,
    event: YooKassaWebhookEvent,
    objectId: string,
    options?: YooKassaWebhookOptions,
  ): Promise<YooKassaWebhookResult>;
  /** POSTs any JSON, e.g. a forged notification claiming success for a pending payment. */
  sendRawWebhook(
    url: string,
    body: unknown,
    options?: YooKassaWebhookOptions,
  ): Promise<YooKassaWebhookResult>;
  /** Ends held requests, webhooks in flight and pending waits, then stops the server. */
  close(): Promise<void>;
};
