/** Mirrors packages/core's error vocabulary; the server test checks the two agree. */
export const errorCodesList = [
  "VALIDATION_FAILED",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "RATE_LIMITED",
  "INSUFFICIENT_CREDITS",
  "PAYMENT_MISMATCH",
  "UPSTREAM_FAILED",
  "SERVICE_UNAVAILABLE",
  "INTERNAL",
] as const;
