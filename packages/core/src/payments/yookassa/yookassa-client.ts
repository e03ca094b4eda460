import { randomUUID } from "node:crypto";

export type YooKassaAmount = { value: string; currency: string };
export type YooKassaPayment = {
  id: string;
  status: "pending" | "waiting_for_capture" | "succeeded" | "canceled";
  paid: boolean;
  amount: YooKassaAmount;
  confirmation?: { type: string; confirmation_url?: string };
  metadata?: Record<string, string>;
  cancellation_details?: { party: string; reason: string };
  created_at: string;
};
export type YooKassaRefund = { id: string; payment_id: string; status: string; amount: YooKassaAmount };
export type YooKassaPaymentWithRefunds = YooKassaPayment & { refunded_amount?: YooKassaAmount };

export type YooKassaReceipt = {
  customer: { email?: string; phone?: string };
  items: Array<{
    description: string;
    quantity: string;
    amount: YooKassaAmount;
    vat_code: number;
    payment_subject?: string;
    payment_mode?: string;
  }>;
};

export type CreatePaymentRequest = {
  amount: YooKassaAmount;
  description: string;
  returnUrl: string;
  metadata: Record<string, string>;
  receipt?: YooKassaReceipt;
  /** The same key gives the same payment back: safe to retry after a timeout. */
  idempotenceKey: string;
};

export type YooKassaClient = {
  createPayment(request: CreatePaymentRequest): Promise<YooKassaPayment>;
  getPayment(id: string): Promise<YooKassaPaymentWithRefunds>;
  getRefund(id: string): Promise<YooKassaRefund>;
  createRefund(request: {
    paymentId: string;
    amount: YooKassaAmount;
    idempotenceKey: string;
  }): Promise<YooKassaRefund>;
};

export class YooKassaError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  constructor(status: number, code: string | undefined, description: string) {
    super(`YooKassa answered ${status}${code ? ` ${code}` : ""}: ${description}`);
    this.name = "YooKassaError";
    this.status = status;
    this.code = code;
  }
}

/** Kopecks to YooKassa's decimal string ("990.00"), with no floating point on the way. */
export const toYooKassaAmount = (kopecks: number, currency = "RUB"): YooKassaAmount => ({
  value: `${Math.trunc(kopecks / 100)}.${String(kopecks % 100).padStart(2, "0")}`,
  currency,
});

/** YooKassa's decimal string back to kopecks; refuses anything that is not exactly two decimals. */
export function fromYooKassaAmount(amount: YooKassaAmount): number {
  const match = /^(\d+)\.(\d{2})$/.exec(amount.value);
  if (!match) throw new Error(`Unexpected YooKassa amount ${amount.value}`);
  return Number(match[1]) * 100 + Number(match[2]);
}

/**
 * A thin typed client of YooKassa API v3 (the npm SDKs are unmaintained): Basic auth with the
 * shop id and secret key, an Idempotence-Key on every POST, errors as YooKassaError.
 */
export function createYooKassaClient(options: {
  apiUrl: string;
  shopId: string;
  secretKey: string;
  timeoutMs?: number;
}): YooKassaClient {
  const auth = `Basic ${Buffer.from(`${options.shopId}:${options.secretKey}`).toString("base64")}`;
  async function call<T>(
    method: "GET" | "POST",
    path: string,
    body?: unknown,
    idempotenceKey?: string,
  ): Promise<T> {
    const response = await fetch(`${options.apiUrl.replace(/\/+$/, "")}${path}`, {
      method,
      headers: {
        authorization: auth,
        ...(body ? { "content-type": "application/json" } : {}),
        ...(idempotenceKey ? { "idempotence-key": idempotenceKey } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    const text = await response.text();
    const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    if (!response.ok)
      throw new YooKassaError(
        response.status,
        json.code as string | undefined,
        String(json.description ?? text),
      );
    return json as T;
  }
  return {
    createPayment: (request) =>
      call<YooKassaPayment>(
        "POST",
        "/payments",
        {
          amount: request.amount,
          capture: true,
          confirmation: { type: "redirect", return_url: request.returnUrl },
          description: request.description.slice(0, 128),
          metadata: request.metadata,
          ...(request.receipt ? { receipt: request.receipt } : {}),
        },
        request.idempotenceKey,
      ),
    getPayment: (id) => call<YooKassaPaymentWithRefunds>("GET", `/payments/${encodeURIComponent(id)}`),
    getRefund: (id) => call<YooKassaRefund>("GET", `/refunds/${encodeURIComponent(id)}`),
    createRefund: (request) =>
      call<YooKassaRefund>(
        "POST",
        "/refunds",
        { payment_id: request.paymentId, amount: request.amount },
        request.idempotenceKey ?? randomUUID(),
      ),
  };
}
