import { isProblem, type Money, readAmount } from "./money.ts";
import { checkReceipt, isRecord } from "./validate-receipt.ts";
import type { Problem } from "./yookassa-error.ts";

export type PaymentRequest = {
  amount: Money;
  description: string | undefined;
  metadata: Record<string, string>;
  returnUrl: string;
  hasReceipt: boolean;
  /** payment_method_data.type when the shop picked the method itself. */
  methodType: string | undefined;
};

export type RefundRequest = {
  paymentId: string;
  /** Checked against the payment's currency later, once the payment is known. */
  amount: unknown;
  description: string | undefined;
  receipt: unknown;
};

/** POST /v3/payments body, checked in the order YooKassa reports problems: amount first. */
export function readPaymentRequest(body: Record<string, unknown>): PaymentRequest | Problem {
  const amount = readAmount(body.amount, "amount", "RUB");
  if (isProblem(amount)) return amount;
  if (body.capture !== true) {
    return {
      parameter: "capture",
      description:
        "fake YooKassa: only one-stage payments are emulated; send capture: true (YooKassa's default is false, which holds the money until a capture call)",
    };
  }
  const returnUrl = readConfirmation(body.confirmation);
  if (typeof returnUrl !== "string") return returnUrl;
  const { description } = body;
  if (description !== undefined && (typeof description !== "string" || description.length > 128)) {
    return {
      parameter: "description",
      description: "description must be a string of at most 128 characters",
    };
  }
  const metadata = readMetadata(body.metadata);
  if (isProblem(metadata)) return metadata;
  if (body.receipt !== undefined) {
    const problem = checkReceipt(body.receipt, amount);
    if (problem) return problem;
  }
  const method = body.payment_method_data;
  if (method !== undefined && !(isRecord(method) && typeof method.type === "string")) {
    return {
      parameter: "payment_method_data.type",
      description: "payment_method_data.type must be a string",
    };
  }
  return {
    amount,
    description,
    metadata,
    returnUrl,
    hasReceipt: body.receipt !== undefined,
    methodType: isRecord(method) ? (method.type as string) : undefined,
  };
}

/** POST /v3/refunds body; the amount is judged against the payment by the ledger. */
export function readRefundRequest(body: Record<string, unknown>): RefundRequest | Problem {
  const { payment_id: paymentId, description } = body;
  if (typeof paymentId !== "string" || paymentId.length === 0) {
    return { parameter: "payment_id", description: "Parameter 'payment_id' is missing or is not a string" };
  }
  if (description !== undefined && (typeof description !== "string" || description.length > 250)) {
    return {
      parameter: "description",
      description: "description must be a string of at most 250 characters",
    };
  }
  return { paymentId, amount: body.amount, description, receipt: body.receipt };
}

function readConfirmation(confirmation: unknown): string | Problem {
  if (!isRecord(confirmation)) {
    return {
      parameter: "confirmation",
      description: "Parameter 'confirmation' is missing or is not an object",
    };
  }
  if (confirmation.type !== "redirect") {
    return {
      parameter: "confirmation.type",
      description: `fake YooKassa emulates only confirmation.type "redirect"; got ${JSON.stringify(confirmation.type)}`,
    };
  }
  const url = confirmation.return_url;
  if (typeof url !== "string" || url.length > 2048 || !/^https?:\/\//.test(url) || !URL.canParse(url)) {
    return {
      parameter: "confirmation.return_url",
      description:
        "confirmation.return_url is required for redirect and must be an http(s) URL of at most 2048 characters",
    };
  }
  return url;
}

/** YooKassa's limits: at most 16 keys, names up to 32 characters, string values up to 512. */
function readMetadata(metadata: unknown): Record<string, string> | Problem {
  if (metadata === undefined || metadata === null) return {};
  if (!isRecord(metadata)) return { parameter: "metadata", description: "metadata must be an object" };
  const entries = Object.entries(metadata);
  if (entries.length > 16) return { parameter: "metadata", description: "metadata may have at most 16 keys" };
  for (const [key, value] of entries) {
    if (key.length > 32) {
      return { parameter: "metadata", description: `metadata key '${key}' is longer than 32 characters` };
    }
    if (typeof value !== "string" || value.length > 512) {
      return {
        parameter: "metadata",
        description: `metadata.${key} must be a string of at most 512 characters; got ${JSON.stringify(value)}`,
      };
    }
  }
  return { ...(metadata as Record<string, string>) };
}
