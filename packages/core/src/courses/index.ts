export * from "./enroll-in-course.ts";
export * from "./revoke-enrollment.ts";
