export * from "./get-user.ts";
export * from "./set-user-locale.ts";
export * from "./update-user.ts";
export * from "./upsert-telegram-user.ts";
