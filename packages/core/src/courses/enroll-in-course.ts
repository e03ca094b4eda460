import { type CourseEnrollmentRow, type CourseTariff, courseEnrollments, type Database } from "@lumen/db";
import { eq } from "drizzle-orm";
import { LumenError } from "../shared/errors.ts";

/**
 * Gives the buyer a place on a course, one per paid order: the order id is unique on the
 * enrollment, so settling the same order again returns the place it already made.
 */
export async function enrollInCourse(
  db: Database,
  input: { userId: string; courseCode: string; tariff: CourseTariff; orderId: string },
): Promise<CourseEnrollmentRow> {
  const [created] = await db.insert(courseEnrollments).values(input).onConflictDoNothing().returning();
  if (created) return created;
  const [existing] = await db
    .select()
    .from(courseEnrollments)
    .where(eq(courseEnrollments.orderId, input.orderId));
  if (!existing) throw new LumenError("INTERNAL", "The enrollment was not saved");
  return existing;
}
