import {
  type CourseDeliveryRow,
  type CourseEnrollmentRow,
  type CourseLessonRow,
  type CourseRow,
  courseDeliveries,
  courseEnrollments,
  courseLessons,
  courseSubmissions,
  courses,
  type Database,
} from "@lumen/db";
import { and, asc, desc, eq, ne } from "drizzle-orm";
import { type DripNext, nextLessonDue } from "./drip-schedule.ts";

export type LessonState = "done" | "current" | "locked";

/** A student's course as the bot shows it: lessons with their state, and when the next comes. */
export type CourseProgress = {
  enrollment: CourseEnrollmentRow;
  course: CourseRow;
  lessons: Array<{ lesson: CourseLessonRow; delivery: CourseDeliveryRow | undefined; state: LessonState }>;
  next: DripNext | null;
  /** The delivered lesson whose required homework holds the next one. */
  waitingForDay: number | null;
};

/**
 * The user's live course (the newest, when several), with a lesson "done" once marked done or
 * answered (homework handed in), "current" when delivered and not done yet, "locked" until given.
 */
export async function readCourseProgress(db: Database, userId: string): Promise<CourseProgress | null> {
  const [found] = await db
    .select({ enrollment: courseEnrollments, course: courses })
    .from(courseEnrollments)
    .innerJoin(courses, eq(courses.code, courseEnrollments.courseCode))
    .where(and(eq(courseEnrollments.userId, userId), ne(courseEnrollments.status, "refunded")))
    .orderBy(desc(courseEnrollments.createdAt))
    .limit(1);
  if (!found) return null;
  const { enrollment, course } = found;
  const [lessons, deliveries, submissions] = await Promise.all([
    db
      .select()
      .from(courseLessons)
      .where(eq(courseLessons.courseId, course.id))
      .orderBy(asc(courseLessons.position)),
    db.select().from(courseDeliveries).where(eq(courseDeliveries.enrollmentId, enrollment.id)),
    db
      .select({ lessonId: courseSubmissions.lessonId, status: courseSubmissions.status })
      .from(courseSubmissions)
      .where(eq(courseSubmissions.enrollmentId, enrollment.id)),
  ]);
  // The rule of deliveryIsDone (lesson-done.ts), over the rows loaded here.
  const answered = (lessonId: string) =>
    submissions.some((s) => s.lessonId === lessonId && s.status !== "redo");
  const rows = lessons.map((lesson) => {
    const delivery = deliveries.find((d) => d.lessonId === lesson.id && d.status === "sent");
    const state: LessonState = !delivery
      ? "locked"
      : delivery.doneAt || answered(lesson.id)
        ? "done"
        : "current";
    return { lesson, delivery, state };
  });
  const last = rows.find((r) => r.lesson.position === enrollment.currentDay);
  const waiting = !!last?.lesson.homeworkRequired && !answered(last.lesson.id);
  const next =
    enrollment.status === "active"
      ? nextLessonDue({ ...enrollment, lessonCount: lessons.length, waitingForHomework: waiting })
      : null;
  return { enrollment, course, lessons: rows, next, waitingForDay: waiting ? enrollment.currentDay : null };
}
