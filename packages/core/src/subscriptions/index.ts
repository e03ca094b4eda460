export * from "./extend-plan.ts";
export * from "./get-active-plan.ts";
export * from "./lifecycle.ts";
export * from "./plan-usage.ts";
export * from "./revoke-plan-period.ts";
export * from "./star-subscriptions.ts";
