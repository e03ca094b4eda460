import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, idColumn, timestamps } from "../_columns.ts";
import { users } from "../users/users.ts";
import { courseTariffs } from "./tariffs.ts";

export const enrollmentStatuses = ["active", "paused", "completed", "refunded"] as const;
export type EnrollmentStatus = (typeof enrollmentStatuses)[number];

/**
 * A user's place on a course, at a tariff. Opened by the first paid order (`orderId`); a later
 * upgrade changes the tariff. One live place per user and course.
 */
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
    status: text("status", { enum: enrollmentStatuses }).notNull().default("active"),
    /** Day 1 is due at this moment; later days count from its local date. */
    startsAt: at("starts_at").notNull().defaultNow(),
    /** An IANA zone, asked at onboarding. */
    timezone: text("timezone").notNull().default("UTC"),
    deliveryHour: integer("delivery_hour").notNull().default(9),
    /** The last lesson position delivered (0: none yet). */
    currentDay: integer("current_day").notNull().default(0),
    lastDeliveredAt: at("last_delivered_at"),
    /** Set when the bot may not write to the user (they blocked it): deliveries stop. */
    blockedAt: at("blocked_at"),
    onboardedAt: at("onboarded_at"),
    completedAt: at("completed_at"),
    endedAt: at("ended_at"),
    ...timestamps,
  },
  (t) => [
    index("course_enrollments_user_idx").on(t.userId),
    uniqueIndex("course_enrollments_live_idx")
      .on(t.userId, t.courseCode)
      .where(sql`${t.status} <> 'refunded'`),
    index("course_enrollments_active_idx").on(t.courseCode).where(sql`${t.status} = 'active'`),
  ],
);

/**
 * The ledger of what paid orders gave on a course: the first order opens the place
 * (`fromTariff` null), an upgrade raises its tariff. One row per order, so a settlement
 * repeated gives nothing twice, and a refund knows exactly what to take back.
 */
export const courseEnrollmentGrants = pgTable("course_enrollment_grants", {
  id: idColumn(),
  enrollmentId: uuid("enrollment_id")
    .notNull()
    .references(() => courseEnrollments.id),
  orderId: uuid("order_id").notNull().unique(),
  fromTariff: text("from_tariff", { enum: courseTariffs }),
  toTariff: text("to_tariff", { enum: courseTariffs }).notNull(),
  grantedAt: at("granted_at").notNull().defaultNow(),
  reversedAt: at("reversed_at"),
});

export type CourseEnrollmentRow = typeof courseEnrollments.$inferSelect;
export type CourseEnrollmentGrantRow = typeof courseEnrollmentGrants.$inferSelect;
