export * from "./audit/index.ts";
export * from "./auth/index.ts";
export * from "./bots/index.ts";
export * from "./users/index.ts";
