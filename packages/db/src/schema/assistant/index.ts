export * from "./assistant.ts";
