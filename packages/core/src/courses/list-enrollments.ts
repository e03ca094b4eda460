import {
  type CourseEnrollmentRow,
  courseDeliveries,
  courseEnrollments,
  type Database,
  users,
} from "@lumen/db";
import { desc, eq, sql } from "drizzle-orm";
import { deliveryIsDone } from "./lesson-done.ts";

export type EnrollmentView = CourseEnrollmentRow & { studentName: string; lessonsDone: number };

/** Places on courses, newest first, with each student's progress (lessons done, by `deliveryIsDone`). */
export async function listEnrollments(
  db: Database,
  filter: { courseCode?: string | undefined; limit?: number } = {},
): Promise<EnrollmentView[]> {
  const rows = await db
    .select({
      enrollment: courseEnrollments,
      firstName: users.firstName,
      lastName: users.lastName,
      lessonsDone: sql<number>`(select count(*)::int from ${courseDeliveries} d
        where d.enrollment_id = ${courseEnrollments.id} and d.status = 'sent' and ${deliveryIsDone("d")})`,
    })
    .from(courseEnrollments)
    .innerJoin(users, eq(users.id, courseEnrollments.userId))
    .where(filter.courseCode ? eq(courseEnrollments.courseCode, filter.courseCode) : undefined)
    .orderBy(desc(courseEnrollments.createdAt), desc(courseEnrollments.id))
    .limit(filter.limit ?? 500);
  return rows.map((r) => ({
    ...r.enrollment,
    studentName: [r.firstName, r.lastName].filter(Boolean).join(" "),
    lessonsDone: r.lessonsDone,
  }));
}
