export * from "./adjust-credits.ts";
export * from "./change-credits.ts";
export * from "./read-credits.ts";
