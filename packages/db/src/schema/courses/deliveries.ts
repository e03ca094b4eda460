import { index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, idColumn } from "../_columns.ts";
import { courseLessons } from "./courses.ts";
import { courseEnrollments } from "./enrollments.ts";

export const courseDeliveryStatuses = ["claimed", "sent", "failed"] as const;

/**
 * A lesson given to an enrollment. The row is the claim: inserted before the bot sends, unique
 * per (enrollment, lesson), so two workers never send a lesson twice; a claim whose send never
 * finished is taken over after a lease.
 */
export const courseDeliveries = pgTable(
  "course_deliveries",
  {
    id: idColumn(),
    enrollmentId: uuid("enrollment_id")
      .notNull()
      .references(() => courseEnrollments.id),
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => courseLessons.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    status: text("status", { enum: courseDeliveryStatuses }).notNull().default("claimed"),
    claimedAt: at("claimed_at").notNull().defaultNow(),
    sentAt: at("sent_at"),
    error: text("error"),
    /** The lesson's text message in the student's chat: a reply to it is the homework. */
    messageId: integer("message_id"),
    doneAt: at("done_at"),
    quizAnswer: integer("quiz_answer"),
  },
  (t) => [
    uniqueIndex("course_deliveries_claim_idx").on(t.enrollmentId, t.lessonId),
    index("course_deliveries_lesson_idx").on(t.lessonId),
  ],
);

export type CourseDeliveryRow = typeof courseDeliveries.$inferSelect;
