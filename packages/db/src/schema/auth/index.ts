export * from "./admin-sessions.ts";
export * from "./admins.ts";
export * from "./api-keys.ts";
export * from "./buyer-sessions.ts";
export * from "./constants.ts";
export * from "./operator-link-codes.ts";
