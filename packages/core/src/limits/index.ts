export * from "./hit-rate-limit.ts";
export * from "./prune-rate-limits.ts";
