export * from "./payments.ts";
export * from "./refunds.ts";
