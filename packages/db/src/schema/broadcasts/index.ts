export * from "./broadcasts.ts";
export * from "./campaigns.ts";
export * from "./constants.ts";
export * from "./deliveries.ts";
