export * from "./chat-invites.ts";
export * from "./get-channel.ts";
export * from "./list-access-log.ts";
export * from "./list-channels.ts";
export * from "./read-access-notice.ts";
export * from "./record-access-event.ts";
export * from "./record-bot-membership.ts";
export * from "./sweep-access.ts";
