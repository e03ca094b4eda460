import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, idColumn, timestamps } from "../_columns.ts";
import { courseLessons } from "./courses.ts";
import { courseEnrollments } from "./enrollments.ts";

export const submissionStatuses = ["acknowledged", "queued", "in_review", "accepted", "redo"] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

/** One part of an answer: text, or a Telegram file with its caption. */
export type SubmissionItem = {
  kind: "text" | "photo" | "document" | "voice";
  text?: string;
  fileId?: string;
};

/**
 * A student's homework for a lesson. BASIC answers are acknowledged at once; the others queue
 * for a reviewer, who claims one (`reviewerId`) before writing feedback.
 */
export const courseSubmissions = pgTable(
  "course_submissions",
  {
    id: idColumn(),
    enrollmentId: uuid("enrollment_id")
      .notNull()
      .references(() => courseEnrollments.id),
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => courseLessons.id, { onDelete: "cascade" }),
    status: text("status", { enum: submissionStatuses }).notNull(),
    items: jsonb("items").$type<SubmissionItem[]>().notNull(),
    /** Telegram's media_group_id when the answer was an album. */
    mediaGroupId: text("media_group_id"),
    reviewerId: uuid("reviewer_id"),
    claimedAt: at("claimed_at"),
    firstReviewedAt: at("first_reviewed_at"),
    reviewedAt: at("reviewed_at"),
    grade: integer("grade"),
    feedback: text("feedback"),
    /** The bot's message about it in the reviewers' chat: a reply to it is the review. */
    reviewChatId: bigint("review_chat_id", { mode: "number" }),
    reviewMessageId: integer("review_message_id"),
    ...timestamps,
  },
  (t) => [
    index("course_submissions_enrollment_idx").on(t.enrollmentId, t.lessonId),
    index("course_submissions_queue_idx").on(t.createdAt).where(sql`${t.status} in ('queued', 'in_review')`),
  ],
);

export type CourseSubmissionRow = typeof courseSubmissions.$inferSelect;
