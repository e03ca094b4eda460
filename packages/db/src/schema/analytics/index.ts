export * from "./event-daily-counts.ts";
export * from "./events.ts";
