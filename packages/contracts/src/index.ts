export * from "./assistant.ts";
export * from "./auth.ts";
export * from "./bots.ts";
export * from "./common.ts";
export * from "./error-codes.ts";
export * from "./health.ts";
export * from "./snake-keys.ts";
export * from "./users.ts";
