export * from "./describe-purchase.ts";
export * from "./entitlements.ts";
export * from "./find-order-mismatches.ts";
export * from "./record-provider-refund.ts";
export * from "./refund-order.ts";
export * from "./settle-payment.ts";
export * from "./settle-star-subscription.ts";
export * from "./yookassa/index.ts";
