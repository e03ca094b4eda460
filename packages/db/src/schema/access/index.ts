export * from "./access-logs.ts";
export * from "./channels.ts";
export * from "./chat-invites.ts";
