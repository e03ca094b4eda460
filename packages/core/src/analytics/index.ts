export * from "./drill-link.ts";
export * from "./get-dashboard.ts";
export * from "./read-attention-flags.ts";
export * from "./read-audience.ts";
export * from "./read-revenue.ts";
export * from "./read-subscription-figures.ts";
export * from "./read-top-products.ts";
export * from "./resolve-period.ts";
