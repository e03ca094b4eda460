export * from "./data-dir-lock.ts";
export type * from "./database.ts";
export * from "./migrate-database.ts";
export * from "./open-database.ts";
export * from "./prepared-sql.ts";
export * as schema from "./schema/index.ts";
export * from "./schema/index.ts";
