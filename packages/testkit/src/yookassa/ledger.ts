import { randomBytes } from "node:crypto";
import { isProblem, type Money, readAmount, toAmount } from "./money.ts";
import type { YooKassaPayment, YooKassaRefund } from "./types.ts";
import { checkReceipt } from "./validate-receipt.ts";
import type { PaymentRequest, RefundRequest } from "./validate-requests.ts";
import { type Answer, fromProblem, invalidRequest } from "./yookassa-error.ts";

type PaymentEntry = {
  payment: YooKassaPayment;
  amount: Money;
  refundedKopecks: number;
  returnUrl: string;
  hasReceipt: boolean;
  methodType: string;
};

export type LedgerSettings = {
  shopId: string;
  gatewayId: string;
  commissionPercent: number;
  now: () => number;
  /** "http://127.0.0.1:<port>", known once the server listens: confirmation URLs point at its checkout page. */
  origin: () => string;
};

/** Reasons whose cancellation YooKassa attributes to the card network or the shop rather than itself. */
const PARTY_BY_REASON: Record<string, string> = {
  canceled_by_merchant: "merchant",
  "3d_secure_failed": "payment_network",
  call_issuer: "payment_network",
  card_expired: "payment_network",
  insufficient_funds: "payment_network",
  issuer_unavailable: "payment_network",
  payment_method_limit_exceeded: "payment_network",
  payment_method_restricted: "payment_network",
};

export type Ledger = ReturnType<typeof createLedger>;

/** Payments and refunds, and the state changes YooKassa makes to them; reads hand out copies. */
export function createLedger(settings: LedgerSettings) {
  const payments = new Map<string, PaymentEntry>();
  const refunds = new Map<string, YooKassaRefund>();
  const isoNow = () => new Date(settings.now()).toISOString();

  const entry = (id: string): PaymentEntry => {
    const found = payments.get(id);
    if (!found) throw new Error(`fake YooKassa: no payment ${id}`);
    return found;
  };
  const requireWaiting = (found: PaymentEntry, action: string) => {
    const { status, id } = found.payment;
    if (status !== "pending" && status !== "waiting_for_capture") {
      throw new Error(`fake YooKassa: cannot ${action} payment ${id}, it is already ${status}`);
    }
  };

  return {
    createPayment(request: PaymentRequest): YooKassaPayment {
      const id = generateId(settings.now(), "000f-5000-8000");
      const payment: YooKassaPayment = {
        id,
        status: "pending",
        paid: false,
        amount: toAmount(request.amount),
        ...(request.description !== undefined ? { description: request.description } : {}),
        recipient: { account_id: settings.shopId, gateway_id: settings.gatewayId },
        created_at: isoNow(),
        confirmation: { type: "redirect", confirmation_url: `${settings.origin()}/checkout/${id}` },
        test: true,
        refundable: false,
        ...(request.hasReceipt ? { receipt_registration: "pending" as const } : {}),
        metadata: request.metadata,
      };
      payments.set(id, {
        payment,
        amount: request.amount,
        refundedKopecks: 0,
        returnUrl: request.returnUrl,
        hasReceipt: request.hasReceipt,
        methodType: request.methodType ?? "bank_card",
      });
      return structuredClone(payment);
    },

    findPayment: (id: string) => structuredClone(payments.get(id)?.payment),
    findRefund: (id: string) => structuredClone(refunds.get(id)),
    returnUrl: (id: string) => entry(id).returnUrl,
    payment: (id: string) => structuredClone(entry(id).payment),
    listPayments: () => [...payments.values()].map((found) => structuredClone(found.payment)),
    listRefunds: () => [...refunds.values()].map((refund) => structuredClone(refund)),

    succeed(id: string): YooKassaPayment {
      const found = entry(id);
      requireWaiting(found, "succeed");
      const { payment, amount } = found;
      const commission = Math.round((amount.kopecks * settings.commissionPercent) / 100);
      delete payment.confirmation;
      Object.assign(payment, {
        status: "succeeded",
        paid: true,
        captured_at: isoNow(),
        income_amount: toAmount({ kopecks: amount.kopecks - commission, currency: amount.currency }),
        payment_method: describeMethod(found.methodType, id),
        refundable: true,
        refunded_amount: toAmount({ kopecks: 0, currency: amount.currency }),
      } satisfies Partial<YooKassaPayment>);
      if (found.methodType === "bank_card") {
        payment.authorization_details = {
          rrn: "603668680243",
          auth_code: "000000",
          three_d_secure: { applied: true },
        };
      }
      if (found.hasReceipt) payment.receipt_registration = "succeeded";
      return structuredClone(payment);
    },

    cancel(id: string, reason: string): YooKassaPayment {
      const found = entry(id);
      requireWaiting(found, "cancel");
      const { payment } = found;
      delete payment.confirmation;
      payment.status = "canceled";
      payment.paid = false;
      payment.refundable = false;
      payment.cancellation_details = { party: PARTY_BY_REASON[reason] ?? "yoo_money", reason };
      if (found.hasReceipt) payment.receipt_registration = "canceled";
      return structuredClone(payment);
    },

    /** Business rules of POST /v3/refunds: only succeeded payments, never more than what is left. */
    createRefund(request: RefundRequest): Answer {
      const found = payments.get(request.paymentId);
      if (!found) {
        return invalidRequest("Incorrect payment_id. Payment doesn't exist or access denied.", "payment_id");
      }
      const { payment } = found;
      const amount = readAmount(request.amount, "amount", found.amount.currency);
      if (isProblem(amount)) return fromProblem(amount);
      if (payment.status !== "succeeded") {
        return invalidRequest(
          `Payment ${payment.id} can't be refunded: its status is ${payment.status}, refunds need succeeded`,
          "payment_id",
        );
      }
      const left = found.amount.kopecks - found.refundedKopecks;
      if (amount.kopecks > left) {
        return invalidRequest(
          `Refund amount ${toAmount(amount).value} exceeds what is left to refund (${toAmount({ kopecks: left, currency: amount.currency }).value})`,
          "amount.value",
        );
      }
      if (request.receipt !== undefined) {
        const problem = checkReceipt(request.receipt, amount);
        if (problem) return fromProblem(problem);
      }
      const refund: YooKassaRefund = {
        id: generateId(settings.now(), "0015-5000-9000"),
        payment_id: payment.id,
        status: "succeeded",
        amount: toAmount(amount),
        created_at: isoNow(),
        ...(request.description !== undefined ? { description: request.description } : {}),
        ...(request.receipt !== undefined ? { receipt_registration: "succeeded" as const } : {}),
      };
      refunds.set(refund.id, refund);
      found.refundedKopecks += amount.kopecks;
      payment.refunded_amount = toAmount({ kopecks: found.refundedKopecks, currency: amount.currency });
      payment.refundable = found.refundedKopecks < found.amount.kopecks;
      return { status: 200, body: structuredClone(refund) };
    },
  };
}

function describeMethod(type: string, id: string): NonNullable<YooKassaPayment["payment_method"]> {
  if (type !== "bank_card") return { type, id, saved: false, status: "inactive", title: type };
  return {
    type,
    id,
    saved: false,
    status: "inactive",
    title: "Bank card *4444",
    card: {
      first6: "555555",
      last4: "4444",
      expiry_month: "12",
      expiry_year: "2030",
      card_type: "MasterCard",
      issuer_country: "RU",
    },
  };
}

/** Shaped like YooKassa's ids: a time-derived head, a kind-specific middle, a random tail. */
function generateId(nowMs: number, middle: string): string {
  const head = Math.floor(nowMs / 1000)
    .toString(16)
    .padStart(8, "0")
    .slice(-8);
  return `${head}-${middle}-${randomBytes(6).toString("hex")}`;
}
