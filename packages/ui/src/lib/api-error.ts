/**
 * What the server says when a request fails: `{ error: { code, message, field } }` plus the HTTP
 * status (0: no answer at all). Shared by the admin panel and the store, which read the same shape.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.field = field;
  }
}
