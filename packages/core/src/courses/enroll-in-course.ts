import {
  type CourseEnrollmentRow,
  type CourseTariff,
  courseEnrollmentGrants,
  courseEnrollments,
  courseTariffs,
  type Database,
} from "@lumen/db";
import { and, eq, ne } from "drizzle-orm";
import { LumenError } from "../shared/errors.ts";
import { findCourseByCode } from "./manage-courses.ts";

export const tariffRank = (tariff: CourseTariff) => courseTariffs.indexOf(tariff);

/** The user's live place on a course (not refunded), locked for the caller's transaction. */
export async function findLiveEnrollment(
  db: Database,
  userId: string,
  courseCode: string,
  lock = false,
): Promise<CourseEnrollmentRow | undefined> {
  const query = db
    .select()
    .from(courseEnrollments)
    .where(
      and(
        eq(courseEnrollments.userId, userId),
        eq(courseEnrollments.courseCode, courseCode),
        ne(courseEnrollments.status, "refunded"),
      ),
    );
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

/**
 * What a paid course order gives, once per order (the grant row is unique by order): a new
 * place on the course starting now, or — for a student already on it — the higher tariff.
 * Runs in the settlement's transaction.
 */
export async function enrollInCourse(
  db: Database,
  input: { userId: string; courseCode: string; tariff: CourseTariff; orderId: string; now: Date },
): Promise<CourseEnrollmentRow> {
  const [granted] = await db
    .select({ enrollment: courseEnrollments })
    .from(courseEnrollmentGrants)
    .innerJoin(courseEnrollments, eq(courseEnrollments.id, courseEnrollmentGrants.enrollmentId))
    .where(eq(courseEnrollmentGrants.orderId, input.orderId));
  if (granted) return granted.enrollment;
  let live = await findLiveEnrollment(db, input.userId, input.courseCode, true);
  if (!live) {
    const course = await findCourseByCode(db, input.courseCode);
    // A concurrent settlement may open the place first: then this one upgrades it below.
    await db
      .insert(courseEnrollments)
      .values({
        userId: input.userId,
        courseCode: input.courseCode,
        tariff: input.tariff,
        orderId: input.orderId,
        startsAt: input.now,
        timezone: course?.defaultTimezone ?? "UTC",
        deliveryHour: course?.defaultDeliveryHour ?? 9,
        createdAt: input.now,
        updatedAt: input.now,
      })
      .onConflictDoNothing();
    live = await findLiveEnrollment(db, input.userId, input.courseCode, true);
    if (!live) throw new LumenError("INTERNAL", "The enrollment was not saved");
    if (live.orderId === input.orderId) {
      await db.insert(courseEnrollmentGrants).values({
        enrollmentId: live.id,
        orderId: input.orderId,
        fromTariff: null,
        toTariff: input.tariff,
        grantedAt: input.now,
      });
      return live;
    }
  }
  const toTariff = tariffRank(input.tariff) > tariffRank(live.tariff) ? input.tariff : live.tariff;
  await db.insert(courseEnrollmentGrants).values({
    enrollmentId: live.id,
    orderId: input.orderId,
    fromTariff: live.tariff,
    toTariff,
    grantedAt: input.now,
  });
  if (toTariff === live.tariff) return live;
  const [upgraded] = await db
    .update(courseEnrollments)
    .set({ tariff: toTariff, updatedAt: input.now })
    .where(eq(courseEnrollments.id, live.id))
    .returning();
  return upgraded ?? live;
}
