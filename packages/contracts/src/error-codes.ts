/** Lumen's closed error vocabulary: every `error.code` an API response can carry. */
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
