import {
  type CourseSubmissionRow,
  courseDeliveries,
  courseEnrollments,
  courseLessons,
  courseSubmissions,
  type SubmissionItem,
} from "@lumen/db";
import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { queueJob } from "../jobs/outbox.ts";
import type { CoreContext } from "../shared/context.ts";
import { LumenError, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";
import { completeIfFinished } from "./complete-course.ts";

/** Albums arrive as one message per item: the reviewers get the submission once they all came. */
const ROUTE_DELAY_S = 3;

const submitInput = z.object({
  userId: z.uuid(),
  enrollmentId: z.uuid(),
  lessonId: z.uuid(),
  items: z
    .array(
      z.object({
        kind: z.enum(["text", "photo", "document", "voice"]),
        text: z.string().max(4096).optional(),
        fileId: z.string().min(1).max(300).optional(),
      }),
    )
    .min(1)
    .max(10),
  mediaGroupId: z.string().max(100).nullable().default(null),
});

export type HomeworkTarget = { enrollmentId: string; lessonId: string; position: number; courseCode: string };

/** The lesson a student's reply answers: their lesson message with a homework prompt, or undefined. */
export async function findHomeworkTarget(
  ctx: CoreContext,
  input: { userId: string; messageId: number },
): Promise<HomeworkTarget | undefined> {
  const [row] = await ctx.db
    .select({
      enrollmentId: courseDeliveries.enrollmentId,
      lessonId: courseDeliveries.lessonId,
      position: courseLessons.position,
      courseCode: courseEnrollments.courseCode,
    })
    .from(courseDeliveries)
    .innerJoin(courseEnrollments, eq(courseEnrollments.id, courseDeliveries.enrollmentId))
    .innerJoin(courseLessons, eq(courseLessons.id, courseDeliveries.lessonId))
    .where(
      and(
        eq(courseEnrollments.userId, input.userId),
        ne(courseEnrollments.status, "refunded"),
        eq(courseDeliveries.messageId, input.messageId),
        sql`${courseLessons.homeworkPrompt} is not null`,
      ),
    );
  return row;
}

export type SubmittedHomework = { submission: CourseSubmissionRow; created: boolean };

/**
 * A student's answer to a delivered lesson's homework. BASIC answers are acknowledged at once;
 * FEEDBACK and PREMIUM ones queue for review and go to the reviewers' chat (a job queued in
 * the same transaction). The other parts of an album join the submission its first part made.
 */
export async function submitHomework(
  ctx: CoreContext,
  input: z.input<typeof submitInput>,
): Promise<SubmittedHomework> {
  const { userId, enrollmentId, lessonId, items, mediaGroupId } = parseInput(submitInput, input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [enrollment] = await tx
      .select()
      .from(courseEnrollments)
      .where(and(eq(courseEnrollments.id, enrollmentId), eq(courseEnrollments.userId, userId)))
      .for("update");
    if (!enrollment || enrollment.status === "refunded") throw notFound("enrollment");
    const [delivered] = await tx
      .select()
      .from(courseDeliveries)
      .where(
        and(
          eq(courseDeliveries.enrollmentId, enrollmentId),
          eq(courseDeliveries.lessonId, lessonId),
          eq(courseDeliveries.status, "sent"),
        ),
      );
    if (!delivered)
      throw new LumenError("CONFLICT", "This lesson has not been given yet", { field: "lesson_id" });
    if (mediaGroupId) {
      const [album] = await tx
        .update(courseSubmissions)
        .set({
          items: sql`${courseSubmissions.items} || ${JSON.stringify(items)}::jsonb`,
          updatedAt: now,
        })
        .where(
          and(
            eq(courseSubmissions.enrollmentId, enrollmentId),
            eq(courseSubmissions.mediaGroupId, mediaGroupId),
          ),
        )
        .returning();
      if (album) return { submission: album, created: false };
    }
    const [row] = await tx
      .insert(courseSubmissions)
      .values({
        enrollmentId,
        lessonId,
        status: enrollment.tariff === "BASIC" ? "acknowledged" : "queued",
        items: items as SubmissionItem[],
        mediaGroupId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new LumenError("INTERNAL", "The submission was not saved");
    if (row.status === "queued")
      await queueJob(
        ctx,
        tx,
        "courses.route-submission",
        { submissionId: row.id },
        { startAfterSeconds: ROUTE_DELAY_S },
      );
    await completeIfFinished(ctx, tx, enrollmentId, now);
    return { submission: row, created: true };
  });
}
