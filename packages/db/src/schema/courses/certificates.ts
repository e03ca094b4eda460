import { pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, idColumn } from "../_columns.ts";
import { courseEnrollments } from "./enrollments.ts";

/**
 * A completion certificate: one per enrollment, with the name and course as printed, and a
 * public code anyone can check at /api/v1/certificates/{code}.
 */
export const courseCertificates = pgTable("course_certificates", {
  id: idColumn(),
  enrollmentId: uuid("enrollment_id")
    .notNull()
    .unique()
    .references(() => courseEnrollments.id),
  code: text("code").notNull().unique(),
  studentName: text("student_name").notNull(),
  courseTitle: text("course_title").notNull(),
  issuedAt: at("issued_at").notNull().defaultNow(),
});

export type CourseCertificateRow = typeof courseCertificates.$inferSelect;
