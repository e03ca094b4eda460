export * from "./credits.ts";
