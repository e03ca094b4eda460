export * from "./upsert-telegram-user.ts";
export * from "./set-user-locale.ts";
