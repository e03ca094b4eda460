import type { IncomingHttpHeaders } from "node:http";
import { fingerprintRequest, type IdempotenceStore, MAX_KEY_LENGTH } from "./idempotence.ts";
import type { Ledger } from "./ledger.ts";
import { isProblem } from "./money.ts";
import { isRecord } from "./validate-receipt.ts";
import { readPaymentRequest, readRefundRequest } from "./validate-requests.ts";
import {
  type Answer,
  errorAnswer,
  fromProblem,
  invalidCredentials,
  invalidRequest,
  notFound,
} from "./yookassa-error.ts";

export type ApiContext = {
  shopId: string;
  secretKey: string;
  ledger: Ledger;
  idempotence: IdempotenceStore;
};

export type ApiRequest = { method: string; path: string; headers: IncomingHttpHeaders; raw: Buffer };

export type ApiResult = {
  answer: Answer;
  replay: boolean;
  idempotenceKey: string | undefined;
  /** The parsed JSON body, for the request log. */
  body: unknown;
};

const ITEM = /^\/v3\/(payments|refunds)\/([^/]+)$/;

/** Everything between "bytes arrived" and "answer decided", in YooKassa's order: auth, route, key, body. */
export function answerApiRequest(context: ApiContext, request: ApiRequest): ApiResult {
  const idempotenceKey = readIdempotenceKey(request.headers);
  const body = parseJson(request.raw);
  const result = (answer: Answer, replay = false): ApiResult => ({ answer, replay, idempotenceKey, body });

  if (!isAuthorized(context, request.headers.authorization)) {
    return result(invalidCredentials(request.headers.authorization?.startsWith("Basic ") ?? false));
  }
  const { method, path } = request;
  const item = ITEM.exec(path);
  if (item) {
    if (method !== "GET") return result(methodNotAllowed(method, path));
    const [, kind, id] = item as unknown as [string, string, string];
    return result(findObject(context.ledger, kind, decodeURIComponent(id)));
  }
  if (path !== "/v3/payments" && path !== "/v3/refunds") {
    return result(notFound(`fake YooKassa does not emulate ${method} ${path}`));
  }
  if (method !== "POST") return result(methodNotAllowed(method, path));

  if (!/^application\/json\b/i.test(request.headers["content-type"] ?? "")) {
    return result(
      errorAnswer(415, "invalid_request", "Content-Type of a POST request must be application/json"),
    );
  }
  if (idempotenceKey === undefined || idempotenceKey === "") {
    return result(
      invalidRequest("Idempotence key is missing. Send it in the Idempotence-Key header.", "Idempotence-Key"),
    );
  }
  if (idempotenceKey.length > MAX_KEY_LENGTH) {
    return result(
      invalidRequest(`Idempotence key is longer than ${MAX_KEY_LENGTH} characters`, "Idempotence-Key"),
    );
  }
  if (!isRecord(body)) return result(invalidRequest("Request body must be a JSON object"));

  const fingerprint = fingerprintRequest(method, path, body);
  const check = context.idempotence.check(idempotenceKey, fingerprint);
  if (check.kind === "conflict") {
    return result(
      invalidRequest(
        "Idempotence key duplicated: this key was already used with a different request within 24 hours",
        "Idempotence-Key",
      ),
    );
  }
  if (check.kind === "replay") return result(check.answer, true);

  const answer =
    path === "/v3/payments" ? createPayment(context.ledger, body) : createRefund(context.ledger, body);
  if (answer.status === 200) context.idempotence.remember(idempotenceKey, fingerprint, answer);
  return result(answer);
}

function createPayment(ledger: Ledger, body: Record<string, unknown>): Answer {
  const request = readPaymentRequest(body);
  if (isProblem(request)) return fromProblem(request);
  return { status: 200, body: ledger.createPayment(request) };
}

function createRefund(ledger: Ledger, body: Record<string, unknown>): Answer {
  const request = readRefundRequest(body);
  if (isProblem(request)) return fromProblem(request);
  return ledger.createRefund(request);
}

function findObject(ledger: Ledger, kind: string, id: string): Answer {
  const found = kind === "payments" ? ledger.findPayment(id) : ledger.findRefund(id);
  if (found) return { status: 200, body: found };
  const name = kind === "payments" ? "payment" : "refund";
  return notFound(
    `Incorrect ${name}_id. ${name[0]!.toUpperCase()}${name.slice(1)} doesn't exist or access denied.`,
    `${name}_id`,
  );
}

function methodNotAllowed(method: string, path: string): Answer {
  return errorAnswer(405, "invalid_request", `Method ${method} is not allowed for ${path}`);
}

function isAuthorized(context: ApiContext, authorization: string | undefined): boolean {
  if (!authorization?.startsWith("Basic ")) return false;
  const decoded = Buffer.from(authorization.slice("Basic ".length).trim(), "base64").toString("utf8");
  return decoded === `${context.shopId}:${context.secretKey}`;
}

export function readIdempotenceKey(headers: IncomingHttpHeaders): string | undefined {
  const header = headers["idempotence-key"];
  return Array.isArray(header) ? header[0] : header;
}

/** Undefined for an empty or broken body; the answer says why, the log just shows nothing. */
export function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    return undefined;
  }
}
