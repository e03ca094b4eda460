export * from "./constants.ts";
export * from "./task-drafts.ts";
export * from "./task-events.ts";
export * from "./task-messages.ts";
export * from "./task-plans.ts";
export * from "./tasks.ts";
