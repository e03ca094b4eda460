import {
  type CourseLessonRow,
  courseDeliveries,
  courseEnrollments,
  courseLessons,
  courseSubmissions,
  courses,
  users,
} from "@lumen/db";
import { and, asc, eq, isNull, lt, sql } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import { completeIfFinished } from "./complete-course.ts";
import { nextLessonDue } from "./drip-schedule.ts";

/** A worker that crashed mid-send leaves a claim this old; after it another worker may send. */
const CLAIM_LEASE_MS = 5 * 60_000;

/** One lesson this worker may send now: the claim row exists and is this worker's. */
export type LessonClaim = {
  deliveryId: string;
  enrollmentId: string;
  botId: string | null;
  telegramId: number;
  locale: string | null;
  courseTitle: string;
  lessonCount: number;
  lesson: CourseLessonRow;
};

const lessonCount = sql<number>`(select count(*)::int from ${courseLessons} where ${courseLessons.courseId} = ${courses.id})`;
const waitingForHomework = sql<boolean>`exists (
  select 1 from ${courseLessons} l
  where l.course_id = ${courses.id} and l.position = ${courseEnrollments.currentDay} and l.homework_required
    and not exists (
      select 1 from ${courseSubmissions} s
      where s.enrollment_id = ${courseEnrollments.id} and s.lesson_id = l.id and s.status <> 'redo'))`;

/**
 * Finds lessons due now and claims each one (a unique (enrollment, lesson) row, or a claim
 * whose lease ran out) before anything is sent: any number of workers can run this at once and
 * each lesson goes to exactly one. Students who blocked the bot are not written to.
 */
export async function claimDueLessons(
  ctx: CoreContext,
  options: { limit?: number } = {},
): Promise<LessonClaim[]> {
  const now = ctx.clock.now();
  const limit = options.limit ?? 100;
  const candidates = await ctx.db
    .select({
      enrollment: courseEnrollments,
      courseId: courses.id,
      courseTitle: courses.title,
      botId: sql<string | null>`coalesce(${courses.botId}, ${users.botId})`,
      telegramId: users.telegramId,
      locale: sql<string | null>`coalesce(${users.locale}, ${users.languageCode})`,
      lessonCount,
      waitingForHomework,
    })
    .from(courseEnrollments)
    .innerJoin(courses, eq(courses.code, courseEnrollments.courseCode))
    .innerJoin(users, eq(users.id, courseEnrollments.userId))
    .where(
      and(
        eq(courseEnrollments.status, "active"),
        isNull(courseEnrollments.blockedAt),
        eq(users.isBanned, false),
        lt(courseEnrollments.currentDay, lessonCount),
      ),
    )
    .orderBy(sql`${courseEnrollments.lastDeliveredAt} asc nulls first`, asc(courseEnrollments.id))
    .limit(limit * 4);
  const claims: LessonClaim[] = [];
  for (const c of candidates) {
    if (claims.length >= limit) break;
    const next = nextLessonDue({
      ...c.enrollment,
      lessonCount: c.lessonCount,
      waitingForHomework: c.waitingForHomework,
    });
    if (!next || next.dueAt > now) continue;
    const [lesson] = await ctx.db
      .select()
      .from(courseLessons)
      .where(and(eq(courseLessons.courseId, c.courseId), eq(courseLessons.position, next.day)));
    if (!lesson) continue;
    const deliveryId = await claimDelivery(ctx, c.enrollment.id, lesson, now);
    if (!deliveryId) continue;
    claims.push({
      deliveryId,
      enrollmentId: c.enrollment.id,
      botId: c.botId,
      telegramId: c.telegramId,
      locale: c.locale,
      courseTitle: c.courseTitle,
      lessonCount: c.lessonCount,
      lesson,
    });
  }
  return claims;
}

async function claimDelivery(
  ctx: CoreContext,
  enrollmentId: string,
  lesson: CourseLessonRow,
  now: Date,
): Promise<string | undefined> {
  const [fresh] = await ctx.db
    .insert(courseDeliveries)
    .values({ enrollmentId, lessonId: lesson.id, position: lesson.position, claimedAt: now })
    .onConflictDoNothing()
    .returning({ id: courseDeliveries.id });
  if (fresh) return fresh.id;
  const [stale] = await ctx.db
    .update(courseDeliveries)
    .set({ claimedAt: now })
    .where(
      and(
        eq(courseDeliveries.enrollmentId, enrollmentId),
        eq(courseDeliveries.lessonId, lesson.id),
        eq(courseDeliveries.status, "claimed"),
        lt(courseDeliveries.claimedAt, new Date(now.getTime() - CLAIM_LEASE_MS)),
      ),
    )
    .returning({ id: courseDeliveries.id });
  return stale?.id;
}

/**
 * Records how a claimed send went. Sent: the student's day moves on. Blocked (the user blocked
 * the bot): the claim is dropped and deliveries stop until they come back. Failed (worth a
 * retry): the claim is dropped so a later run sends it.
 */
export async function finishDelivery(
  ctx: CoreContext,
  input: {
    deliveryId: string;
    outcome: "sent" | "blocked" | "failed";
    error?: string;
    /** The lesson's text message, which homework replies to. */
    messageId?: number;
  },
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (input.outcome !== "sent") {
      const [dropped] = await tx
        .delete(courseDeliveries)
        .where(and(eq(courseDeliveries.id, input.deliveryId), eq(courseDeliveries.status, "claimed")))
        .returning();
      if (dropped && input.outcome === "blocked")
        await tx
          .update(courseEnrollments)
          .set({ blockedAt: now, updatedAt: now })
          .where(eq(courseEnrollments.id, dropped.enrollmentId));
      return;
    }
    const [sent] = await tx
      .update(courseDeliveries)
      .set({ status: "sent", sentAt: now, error: null, messageId: input.messageId ?? null })
      .where(and(eq(courseDeliveries.id, input.deliveryId), eq(courseDeliveries.status, "claimed")))
      .returning();
    if (!sent) return;
    await tx
      .update(courseEnrollments)
      .set({ currentDay: sent.position, lastDeliveredAt: now, updatedAt: now })
      .where(
        and(eq(courseEnrollments.id, sent.enrollmentId), lt(courseEnrollments.currentDay, sent.position)),
      );
    await completeIfFinished(ctx, tx, sent.enrollmentId, now);
  });
}

/** The student wrote to the bot again: deliveries resume. */
export async function resumeBlockedEnrollments(ctx: CoreContext, userId: string): Promise<void> {
  await ctx.db
    .update(courseEnrollments)
    .set({ blockedAt: null, updatedAt: ctx.clock.now() })
    .where(and(eq(courseEnrollments.userId, userId), sql`${courseEnrollments.blockedAt} is not null`));
}
