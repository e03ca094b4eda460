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
  /** A file larger than the upstream lets us fetch (Telegram bots download up to 20 MB). */
  "FILE_TOO_BIG",
  "UPSTREAM_FAILED",
  "SERVICE_UNAVAILABLE",
  "INTERNAL",
] as const;
