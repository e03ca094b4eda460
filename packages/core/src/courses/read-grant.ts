import {
  type CourseEnrollmentGrantRow,
  type CourseEnrollmentRow,
  type CourseRow,
  courseEnrollmentGrants,
  courseEnrollments,
  courses,
  courseTariffChats,
  type Database,
  type UserRow,
  users,
} from "@lumen/db";
import { and, eq, ne } from "drizzle-orm";

export type EnrollmentGrantView = {
  grant: CourseEnrollmentGrantRow;
  enrollment: CourseEnrollmentRow;
  course: CourseRow;
  student: UserRow;
  /** The chats the new tariff opens that the previous one (if any) did not. */
  newChatIds: number[];
};

/** The chats a tariff of a course opens. */
export async function readTariffChats(
  db: Database,
  courseId: string,
  tariff: CourseEnrollmentRow["tariff"] | null,
): Promise<number[]> {
  if (!tariff) return [];
  const [chats] = await db
    .select({ chatIds: courseTariffChats.chatIds })
    .from(courseTariffChats)
    .where(and(eq(courseTariffChats.courseId, courseId), eq(courseTariffChats.tariff, tariff)));
  return chats?.chatIds ?? [];
}

/** The chats a user holds through the course places they still have (any course, any status but refunded). */
export async function readHeldCourseChats(db: Database, userId: string): Promise<Set<number>> {
  const rows = await db
    .select({ chatIds: courseTariffChats.chatIds })
    .from(courseEnrollments)
    .innerJoin(courses, eq(courses.code, courseEnrollments.courseCode))
    .innerJoin(
      courseTariffChats,
      and(eq(courseTariffChats.courseId, courses.id), eq(courseTariffChats.tariff, courseEnrollments.tariff)),
    )
    .where(and(eq(courseEnrollments.userId, userId), ne(courseEnrollments.status, "refunded")));
  return new Set(rows.flatMap((r) => r.chatIds));
}

/** What a course order gave (or, once refunded, took back), with its place, course and student. */
export async function readEnrollmentGrant(
  db: Database,
  orderId: string,
): Promise<EnrollmentGrantView | undefined> {
  const [row] = await db
    .select({ grant: courseEnrollmentGrants, enrollment: courseEnrollments, course: courses, student: users })
    .from(courseEnrollmentGrants)
    .innerJoin(courseEnrollments, eq(courseEnrollments.id, courseEnrollmentGrants.enrollmentId))
    .innerJoin(courses, eq(courses.code, courseEnrollments.courseCode))
    .innerJoin(users, eq(users.id, courseEnrollments.userId))
    .where(eq(courseEnrollmentGrants.orderId, orderId));
  if (!row) return undefined;
  const had = await readTariffChats(db, row.course.id, row.grant.fromTariff);
  const now = await readTariffChats(db, row.course.id, row.grant.toTariff);
  return { ...row, newChatIds: now.filter((id) => !had.includes(id)) };
}
