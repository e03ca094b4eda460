export * from "./promos.ts";
