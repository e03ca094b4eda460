import type { CourseTariff, EnrollmentStatus } from "@lumen/db";
import { sql } from "drizzle-orm";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { num, rowsOf } from "../shared/sql-rows.ts";
import { deliveryIsDone } from "./lesson-done.ts";
import { getCourse } from "./manage-courses.ts";

export type CourseStats = {
  /** Places by tariff and status, refunded ones included (they were sold, then taken back). */
  enrollments: Array<{ tariff: CourseTariff; status: EnrollmentStatus; count: number }>;
  /**
   * Per lesson, over places not refunded: how many got it (reached), finished it (marked done,
   * answered the quiz or handed in homework not sent back for redo), and answered its quiz.
   */
  lessons: Array<{
    lessonId: string;
    position: number;
    title: string;
    reached: number;
    completed: number;
    hasQuiz: boolean;
    quizAnswered: number;
    quizCorrect: number;
  }>;
  /** Reviewed homework (FEEDBACK and PREMIUM) of places not refunded; seconds from hand-in to first review. */
  homework: {
    queued: number;
    inReview: number;
    reviewed: number;
    medianSeconds: number | null;
    p90Seconds: number | null;
    byReviewer: Array<{
      reviewerId: string;
      email: string | null;
      inReview: number;
      reviewed: number;
      medianSeconds: number | null;
      p90Seconds: number | null;
    }>;
  };
};

const seconds = (value: unknown) =>
  value === null || value === undefined ? null : Math.round(Number(value));

/**
 * A course's figures for its stats tab, computed in SQL from the rows the course already keeps
 * (places, deliveries, submissions), so they can always be recomputed and never drift: sales by
 * tariff and status, the drop-off from lesson to lesson, quiz correctness, and how fast
 * reviewers answer homework (the first review counts; a redo does not restart the clock).
 */
export async function readCourseStats(
  ctx: CoreContext,
  actor: Actor,
  courseId: string,
): Promise<CourseStats> {
  requireRole(actor, "operator");
  const course = await getCourse(ctx.db, courseId);
  const [places, lessons, totals, reviewers] = await Promise.all([
    ctx.db.execute(sql`
      select tariff, status, count(*) as count from course_enrollments
      where course_code = ${course.code}
      group by tariff, status order by tariff, status`),
    ctx.db.execute(sql`
      with given as (
        select d.* from course_deliveries d
        join course_enrollments e on e.id = d.enrollment_id
        where e.status <> 'refunded' and d.status = 'sent'
      )
      select l.id as "lessonId", l.position, l.title, l.quiz is not null as "hasQuiz",
        count(g.id) as reached,
        count(g.id) filter (where ${deliveryIsDone("g")}) as completed,
        count(g.id) filter (where g.quiz_answer is not null) as "quizAnswered",
        count(g.id) filter (where g.quiz_answer = (l.quiz->>'answer')::int) as "quizCorrect"
      from course_lessons l left join given g on g.lesson_id = l.id
      where l.course_id = ${course.id}
      group by l.id order by l.position`),
    ctx.db.execute(sql`${reviewedHomework(course.id)}
      select count(*) filter (where status = 'queued') as queued,
        count(*) filter (where status = 'in_review') as "inReview",
        count(first_reviewed_at) as reviewed,
        percentile_cont(0.5) within group (order by turnaround) as median,
        percentile_cont(0.9) within group (order by turnaround) as p90
      from subs`),
    ctx.db.execute(sql`${reviewedHomework(course.id)}
      select s.reviewer_id as "reviewerId", a.email,
        count(*) filter (where s.status = 'in_review') as "inReview",
        count(s.first_reviewed_at) as reviewed,
        percentile_cont(0.5) within group (order by s.turnaround) as median,
        percentile_cont(0.9) within group (order by s.turnaround) as p90
      from subs s left join admins a on a.id = s.reviewer_id
      where s.reviewer_id is not null
      group by s.reviewer_id, a.email order by a.email nulls last, s.reviewer_id`),
  ]);
  const total = rowsOf<Record<string, unknown>>(totals)[0] ?? {};
  return {
    enrollments: rowsOf<Record<string, unknown>>(places).map((r) => ({
      tariff: r.tariff as CourseTariff,
      status: r.status as EnrollmentStatus,
      count: num(r.count),
    })),
    lessons: rowsOf<Record<string, unknown>>(lessons).map((r) => ({
      lessonId: String(r.lessonId),
      position: num(r.position),
      title: String(r.title),
      reached: num(r.reached),
      completed: num(r.completed),
      hasQuiz: r.hasQuiz === true || r.hasQuiz === "t",
      quizAnswered: num(r.quizAnswered),
      quizCorrect: num(r.quizCorrect),
    })),
    homework: {
      queued: num(total.queued),
      inReview: num(total.inReview),
      reviewed: num(total.reviewed),
      medianSeconds: seconds(total.median),
      p90Seconds: seconds(total.p90),
      byReviewer: rowsOf<Record<string, unknown>>(reviewers).map((r) => ({
        reviewerId: String(r.reviewerId),
        email: (r.email as string | null) ?? null,
        inReview: num(r.inReview),
        reviewed: num(r.reviewed),
        medianSeconds: seconds(r.median),
        p90Seconds: seconds(r.p90),
      })),
    },
  };
}

/** The course's homework that goes to reviewers, of places not refunded, with its turnaround. */
const reviewedHomework = (courseId: string) => sql`
  with subs as (
    select s.status, s.reviewer_id, s.first_reviewed_at,
      extract(epoch from s.first_reviewed_at - s.created_at) as turnaround
    from course_submissions s
    join course_lessons l on l.id = s.lesson_id
    join course_enrollments e on e.id = s.enrollment_id
    where l.course_id = ${courseId} and e.status <> 'refunded' and s.status <> 'acknowledged'
  )`;
