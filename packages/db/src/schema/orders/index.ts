export * from "./order-flag-resolutions.ts";
export * from "./orders.ts";
