export * from "./job-catalog.ts";
export * from "./outbox.ts";
