export * from "./assistant/index.ts";
export * from "./audit/index.ts";
export * from "./auth/index.ts";
export * from "./bots/index.ts";
export * from "./credits/index.ts";
export * from "./subscriptions/index.ts";
export * from "./users/index.ts";
