import { courseEnrollments } from "@lumen/db";
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";

/** The enrollment statuses that count as "on the course": a refunded place does not. */
const enrolledStatuses = sql`('active', 'paused', 'completed')`;

/**
 * The courses domain's read of who is enrolled, as an SQL condition on a user id column: true
 * when that user holds a place (active, paused or completed) on the course with this code, or on
 * any course when no code is given. Other domains (broadcast audiences) embed it in their own
 * queries instead of reading the enrollment tables themselves, so the meaning of "enrolled" stays
 * here.
 */
export function isEnrolledInCourse(userId: SQLWrapper, courseCode?: string): SQL {
  const ofCourse = courseCode ? sql`and ${courseEnrollments.courseCode} = ${courseCode}` : sql``;
  return sql`exists (select 1 from ${courseEnrollments} where ${courseEnrollments.userId} = ${userId}
    and ${courseEnrollments.status} in ${enrolledStatuses} ${ofCourse})`;
}
