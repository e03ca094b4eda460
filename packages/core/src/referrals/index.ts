export * from "./list-partners.ts";
export * from "./partner-stats.ts";
export * from "./referral-code.ts";
