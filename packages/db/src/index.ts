export * from "./data-dir-lock.ts";
export type * from "./database.ts";
export * from "./migrate-database.ts";
export * from "./open-database.ts";
export * as schema from "./schema/index.ts";
export * from "./schema/index.ts";
