export * from "./claim-promo.ts";
export * from "./list-promo-redemptions.ts";
export * from "./list-promo-stats.ts";
export * from "./manage-promos.ts";
export * from "./quote-promo.ts";
export * from "./redeem-free-days.ts";
export * from "./redeem-promo.ts";
export * from "./update-promo.ts";
