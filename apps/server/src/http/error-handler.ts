import { type ErrorCode, isLumenError, pgErrorCode } from "@lumen/core";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";

/** The one place where a failure becomes an HTTP status. */
export const httpStatusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INSUFFICIENT_CREDITS: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYMENT_MISMATCH: 409,
  FILE_TOO_BIG: 422,
  RATE_LIMITED: 429,
  UPSTREAM_FAILED: 502,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

type Body = { error: { code: ErrorCode; message: string; field?: string; requestId?: string } };

function send(reply: FastifyReply, status: number, error: Body["error"]) {
  return reply
    .status(status)
    .send({ error: { ...error, requestId: String(reply.request.id) } } satisfies Body);
}

function validationField(error: FastifyError): string {
  if (!hasZodFastifySchemaValidationErrors(error)) return error.validationContext ?? "body";
  const first = error.validation[0];
  const path = first?.instancePath.replace(/^\//, "").replaceAll("/", ".") ?? "";
  return [error.validationContext, path].filter(Boolean).join(".");
}

const NETWORK_ERRORS = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/**
 * The database is down or restarting (connection refused or cut, PostgreSQL shutting down or
 * starting, no connection slot): a temporary state the client should retry, not a bug.
 */
function isDatabaseUnavailable(error: unknown): boolean {
  const sqlState = pgErrorCode(error);
  if (sqlState) return sqlState.startsWith("08") || ["57P01", "57P02", "57P03", "53300"].includes(sqlState);
  for (
    let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    depth++
  ) {
    if (typeof e.code === "string" && NETWORK_ERRORS.has(e.code)) return true;
    if (typeof e.message === "string" && /^Connection terminated/.test(e.message)) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/** Client mistakes name the field; server faults are logged in full and shown as a bare INTERNAL. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) =>
    send(reply, 404, {
      code: "NOT_FOUND",
      message: `No route ${request.method} ${request.url.split("?")[0]}`,
    }),
  );
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply) => {
    if (isLumenError(error)) {
      const status = httpStatusOf[error.code];
      if (status >= 500) request.log.error({ err: error }, "request failed");
      if (typeof error.details.retryAfterSeconds === "number")
        reply.header("retry-after", String(error.details.retryAfterSeconds));
      const field = typeof error.details.field === "string" ? error.details.field : undefined;
      return send(reply, status, { code: error.code, message: error.message, ...(field ? { field } : {}) });
    }
    if (error.validation) {
      const field = validationField(error);
      const message = hasZodFastifySchemaValidationErrors(error)
        ? error.validation[0]?.message
        : error.message;
      return send(reply, 400, {
        code: "VALIDATION_FAILED",
        message: `${field}: ${message ?? "is invalid"}`,
        field,
      });
    }
    const status = error.statusCode ?? 500;
    if (status === 429)
      return send(reply, 429, { code: "RATE_LIMITED", message: "Too many requests; slow down" });
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large.
      return send(reply, status, { code: "VALIDATION_FAILED", message: error.message, field: "body" });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, "database unavailable");
      return send(reply, 503, {
        code: "SERVICE_UNAVAILABLE",
        message: "The database is unavailable; try again shortly",
      });
    }
    request.log.error({ err: error }, "request failed");
    return send(reply, 500, { code: "INTERNAL", message: "Internal error; it has been logged" });
  });
}

/**
 * Failures the router meets before any route runs (a path parameter past `maxParamLength`, a URL
 * that does not decode): answered in the same error shape as everything else, naming the part.
 */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const tooLong = error.code === "FST_ERR_MAX_PARAM_LENGTH";
  return send(reply, tooLong ? 414 : 400, {
    code: "VALIDATION_FAILED",
    message: tooLong ? "A path parameter is too long" : "The URL could not be decoded",
    field: tooLong ? "params" : "url",
  });
}
