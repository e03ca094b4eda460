export * from "./enrollments.ts";
