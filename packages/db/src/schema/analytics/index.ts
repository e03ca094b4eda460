export * from "./store-events.ts";
