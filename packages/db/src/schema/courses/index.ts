export * from "./certificates.ts";
export * from "./courses.ts";
export * from "./deliveries.ts";
export * from "./enrollments.ts";
export * from "./media-captures.ts";
export * from "./submissions.ts";
export * from "./tariffs.ts";
