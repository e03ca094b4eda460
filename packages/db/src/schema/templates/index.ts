export * from "./bot-texts.ts";
export * from "./welcome-images.ts";
