import type { ResponseParameters } from "@grammyjs/types";

/** The body Telegram returns for a failed call; HTTP status equals error_code. */
export type ApiErrorBody = {
  ok: false;
  error_code: number;
  description: string;
  parameters?: ResponseParameters;
};

/**
 * Thrown by method handlers and turned into the exact JSON Telegram would send,
 * so the client library sees the same error shape it sees in production.
 */
export class TelegramApiError extends Error {
  readonly errorCode: number;
  readonly description: string;
  readonly parameters: ResponseParameters | undefined;

  constructor(errorCode: number, description: string, parameters?: ResponseParameters) {
    super(description);
    this.name = "TelegramApiError";
    this.errorCode = errorCode;
    this.description = description;
    this.parameters = parameters;
  }

  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { ok: false, error_code: this.errorCode, description: this.description };
    if (this.parameters) body.parameters = this.parameters;
    return body;
  }
}

export function badRequest(detail: string): TelegramApiError {
  return new TelegramApiError(400, `Bad Request: ${detail}`);
}

export function forbidden(detail: string): TelegramApiError {
  return new TelegramApiError(403, `Forbidden: ${detail}`);
}

export function conflict(detail: string): TelegramApiError {
  return new TelegramApiError(409, `Conflict: ${detail}`);
}

export function tooManyRequests(retryAfter: number): TelegramApiError {
  return new TelegramApiError(429, `Too Many Requests: retry after ${retryAfter}`, {
    retry_after: retryAfter,
  });
}

export const unauthorized = (): TelegramApiError => new TelegramApiError(401, "Unauthorized");
export const notFound = (): TelegramApiError => new TelegramApiError(404, "Not Found");

/**
 * What a simulated user would see in the app when Telegram refuses an action
 * (joining by an expired link, a full chat...). Carries the server error code
 * so tests can match either the code or the human text.
 */
export class TelegramUserError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(`${code}: ${message}`);
    this.name = "TelegramUserError";
    this.code = code;
  }
}
