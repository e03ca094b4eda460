export * from "./referrals.ts";
