export * from "./audit/index.ts";
export * from "./auth/index.ts";
export * from "./bots/index.ts";
export * from "./shared/context.ts";
export * from "./shared/errors.ts";
export * from "./shared/parse-input.ts";
export * from "./shared/secret-box.ts";
export * from "./users/index.ts";
