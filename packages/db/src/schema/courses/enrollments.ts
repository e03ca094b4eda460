import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, idColumn, timestamps } from "../_columns.ts";
import { users } from "../users/users.ts";

export const courseTariffs = ["BASIC", "FEEDBACK", "PREMIUM"] as const;
export type CourseTariff = (typeof courseTariffs)[number];

/** A user's place on a course, bought at a tariff. One per paid order (the lessons come later). */
export const courseEnrollments = pgTable(
  "course_enrollments",
  {
    id: idColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    courseCode: text("course_code").notNull(),
    tariff: text("tariff", { enum: courseTariffs }).notNull(),
    orderId: uuid("order_id").notNull().unique(),
    status: text("status", { enum: ["active", "ended"] })
      .notNull()
      .default("active"),
    endedAt: at("ended_at"),
    ...timestamps,
  },
  (t) => [index("course_enrollments_user_idx").on(t.userId)],
);

export type CourseEnrollmentRow = typeof courseEnrollments.$inferSelect;
