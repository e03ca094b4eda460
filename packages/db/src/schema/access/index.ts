export * from "./access-logs.ts";
export * from "./channels.ts";
export * from "./chat-invites.ts";
export * from "./join-requests.ts";
