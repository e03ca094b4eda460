import { randomUUID } from "node:crypto";
import type { YooKassaErrorBody } from "./types.ts";

/** An answer ready to be written: status and JSON body. */
export type Answer = { status: number; body: unknown };

/** A validation failure before it becomes an answer; `parameter` uses YooKassa's dotted names. */
export type Problem = { parameter: string; description: string };

export function errorAnswer(status: number, code: string, description: string, parameter?: string): Answer {
  const body: YooKassaErrorBody = { type: "error", id: randomUUID(), code, description };
  if (parameter !== undefined) body.parameter = parameter;
  return { status, body };
}

export function invalidRequest(description: string, parameter?: string): Answer {
  return errorAnswer(400, "invalid_request", description, parameter);
}

export function fromProblem(problem: Problem): Answer {
  return invalidRequest(problem.description, problem.parameter);
}

/** Both 401s YooKassa gives: no usable Basic header, or credentials that do not match the shop. */
export function invalidCredentials(headerPresent: boolean): Answer {
  return headerPresent
    ? errorAnswer(
        401,
        "invalid_credentials",
        "Error in shopId or secret key. Check their validity. You can reissue the key in the Merchant Profile.",
      )
    : errorAnswer(
        401,
        "invalid_credentials",
        "Authorization header is missing or is not HTTP Basic. Use shopId as the login and the secret key as the password.",
        "Authorization",
      );
}

export function notFound(description: string, parameter?: string): Answer {
  return errorAnswer(404, "not_found", description, parameter);
}

/** The body YooKassa sends for an injected status; 5xx always means "result unknown, retry with the same key". */
export function failureAnswer(status: number, description?: string): Answer {
  if (status >= 500) {
    return errorAnswer(
      status,
      "internal_server_error",
      description ??
        "Internal server error. The result of the request is unknown; repeat it with the same Idempotence-Key.",
    );
  }
  const known: Record<number, [string, string]> = {
    400: ["invalid_request", "Injected failure: invalid request"],
    401: ["invalid_credentials", "Injected failure: invalid credentials"],
    403: ["forbidden", "Not enough rights to perform the operation"],
    404: ["not_found", "Injected failure: resource not found"],
    429: ["too_many_requests", "Too many requests. Repeat the request later."],
  };
  const [code, fallback] = known[status] ?? ["invalid_request", `Injected failure (${status})`];
  return errorAnswer(status, code, description ?? fallback);
}
