export * from "./channels.ts";
export * from "./chat-invites.ts";
