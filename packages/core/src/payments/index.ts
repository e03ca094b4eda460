export * from "./entitlements.ts";
export * from "./refund-order.ts";
export * from "./settle-payment.ts";
