import { courseEnrollments, type Database } from "@lumen/db";
import { and, eq } from "drizzle-orm";

/**
 * Ends a place on a course (its order was refunded). True when this call ended it; a place
 * already ended stays as it was, so a repeat changes nothing.
 */
export async function revokeEnrollment(
  db: Database,
  input: { enrollmentId: string; now: Date },
): Promise<boolean> {
  const ended = await db
    .update(courseEnrollments)
    .set({ status: "ended", endedAt: input.now, updatedAt: input.now })
    .where(and(eq(courseEnrollments.id, input.enrollmentId), eq(courseEnrollments.status, "active")))
    .returning({ id: courseEnrollments.id });
  return ended.length > 0;
}
