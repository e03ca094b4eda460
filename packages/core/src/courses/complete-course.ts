import { randomInt } from "node:crypto";
import {
  type CourseCertificateRow,
  courseCertificates,
  courseDeliveries,
  courseEnrollments,
  courseLessons,
  courseSubmissions,
  courses,
  type Database,
  users,
} from "@lumen/db";
import { and, eq, sql } from "drizzle-orm";
import { queueJob } from "../jobs/outbox.ts";
import type { CoreContext } from "../shared/context.ts";

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const newCode = () => Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");

/**
 * Completes the enrollment when every lesson was given and every required homework handed in
 * (not sent back to redo): the certificate is issued and the completion message queued, in the
 * caller's transaction. Called after a delivery and after homework or a review; a place already
 * completed (or not finished) is left as it is.
 */
export async function completeIfFinished(
  ctx: CoreContext,
  tx: Database,
  enrollmentId: string,
  now: Date,
): Promise<boolean> {
  const [row] = await tx
    .select({ enrollment: courseEnrollments, course: courses, student: users })
    .from(courseEnrollments)
    .innerJoin(courses, eq(courses.code, courseEnrollments.courseCode))
    .innerJoin(users, eq(users.id, courseEnrollments.userId))
    .where(and(eq(courseEnrollments.id, enrollmentId), eq(courseEnrollments.status, "active")));
  if (!row) return false;
  const [missing] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(courseLessons)
    .where(
      and(
        eq(courseLessons.courseId, row.course.id),
        sql`(not exists (select 1 from ${courseDeliveries} d where d.enrollment_id = ${enrollmentId}
               and d.lesson_id = ${courseLessons.id} and d.status = 'sent')
             or (${courseLessons.homeworkRequired} and not exists (select 1 from ${courseSubmissions} s
               where s.enrollment_id = ${enrollmentId} and s.lesson_id = ${courseLessons.id} and s.status <> 'redo')))`,
      ),
    );
  const [lessons] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(courseLessons)
    .where(eq(courseLessons.courseId, row.course.id));
  if (!lessons?.count || (missing?.count ?? 0) > 0) return false;
  const [completed] = await tx
    .update(courseEnrollments)
    .set({ status: "completed", completedAt: now, updatedAt: now })
    .where(and(eq(courseEnrollments.id, enrollmentId), eq(courseEnrollments.status, "active")))
    .returning({ id: courseEnrollments.id });
  if (!completed) return false;
  const name = [row.student.firstName, row.student.lastName].filter(Boolean).join(" ");
  await tx
    .insert(courseCertificates)
    .values({
      enrollmentId,
      code: newCode(),
      studentName: name,
      courseTitle: row.course.title,
      issuedAt: now,
    })
    .onConflictDoNothing();
  await queueJob(ctx, tx, "courses.send-certificate", { enrollmentId });
  return true;
}

/** A certificate by its public code (case-insensitive), or undefined. */
export async function findCertificate(db: Database, code: string): Promise<CourseCertificateRow | undefined> {
  const [row] = await db
    .select()
    .from(courseCertificates)
    .where(eq(courseCertificates.code, code.trim().toUpperCase()));
  return row;
}

/** The certificate of an enrollment, with the student's chat, for sending it. */
export async function readEnrollmentCertificate(db: Database, enrollmentId: string) {
  const [row] = await db
    .select({
      certificate: courseCertificates,
      enrollment: courseEnrollments,
      course: courses,
      student: users,
    })
    .from(courseCertificates)
    .innerJoin(courseEnrollments, eq(courseEnrollments.id, courseCertificates.enrollmentId))
    .innerJoin(courses, eq(courses.code, courseEnrollments.courseCode))
    .innerJoin(users, eq(users.id, courseEnrollments.userId))
    .where(eq(courseCertificates.enrollmentId, enrollmentId));
  return row;
}
