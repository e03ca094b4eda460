export * from "./change-order-status.ts";
export * from "./check-order-payable.ts";
export * from "./create-order.ts";
export * from "./create-renewal-order.ts";
export * from "./get-order-details.ts";
export * from "./read-orders.ts";
export * from "./resolve-order-flag.ts";
export * from "./search-orders.ts";
