import { errorCodesList } from "@lumen/contracts";

/**
 * The closed vocabulary of failures every transport understands, defined in contracts so
 * web clients share it. Adding a code is a deliberate act: the HTTP error handler maps each.
 */
export const errorCodes = errorCodesList;
export type ErrorCode = (typeof errorCodes)[number];

export type ErrorDetails = {
  /** The input field at fault, as the client named it (e.g. "email", "body.amount"). */
  field?: string;
  [key: string]: unknown;
};

export class LumenError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;
  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = "LumenError";
    this.code = code;
    this.details = details;
  }
}

export const isLumenError = (error: unknown): error is LumenError => error instanceof LumenError;

export const validationFailed = (field: string, message: string) =>
  new LumenError("VALIDATION_FAILED", message, { field });

export const notFound = (entity: string, id?: string) =>
  new LumenError("NOT_FOUND", id ? `${entity} ${id} was not found` : `${entity} was not found`);
