export * from "./user-messages.ts";
export * from "./users.ts";
