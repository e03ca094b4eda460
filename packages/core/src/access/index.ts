export * from "./chat-invites.ts";
export * from "./list-channels.ts";
export * from "./record-bot-membership.ts";
export * from "./sweep-access.ts";
