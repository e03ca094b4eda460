export * from "./payments.ts";
