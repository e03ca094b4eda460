export * from "./list-bots.ts";
export * from "./register-bot.ts";
export * from "./reseal-bot-tokens.ts";
export * from "./stamp-bot-update.ts";
export * from "./update-bot.ts";
