export * from "./get-active-plan.ts";
export * from "./grant-plan.ts";
export * from "./lifecycle.ts";
export * from "./list-chat-entitlements.ts";
export * from "./plan-usage.ts";
export * from "./star-subscriptions.ts";
