export * from "./list-bots.ts";
export * from "./register-bot.ts";
