import {
  admins,
  type CourseEnrollmentRow,
  type CourseLessonRow,
  type CourseRow,
  type CourseSubmissionRow,
  courseEnrollments,
  courseLessons,
  courseSubmissions,
  courses,
  type Database,
  type SubmissionStatus,
  type UserRow,
  users,
} from "@lumen/db";
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import { queueJob } from "../jobs/outbox.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";

export type SubmissionView = {
  submission: CourseSubmissionRow;
  enrollment: CourseEnrollmentRow;
  lesson: CourseLessonRow;
  course: CourseRow;
  student: UserRow;
  /** The email of the reviewer who holds or reviewed it, so others see who has it. */
  reviewerEmail: string | null;
};

const viewQuery = (db: Database) =>
  db
    .select({
      submission: courseSubmissions,
      enrollment: courseEnrollments,
      lesson: courseLessons,
      course: courses,
      student: users,
      reviewerEmail: admins.email,
    })
    .from(courseSubmissions)
    .innerJoin(courseEnrollments, eq(courseEnrollments.id, courseSubmissions.enrollmentId))
    .innerJoin(courseLessons, eq(courseLessons.id, courseSubmissions.lessonId))
    .innerJoin(courses, eq(courses.id, courseLessons.courseId))
    .innerJoin(users, eq(users.id, courseEnrollments.userId))
    .leftJoin(admins, eq(admins.id, courseSubmissions.reviewerId));

export async function readSubmission(db: Database, submissionId: string): Promise<SubmissionView> {
  const [row] = await viewQuery(db).where(eq(courseSubmissions.id, submissionId));
  if (!row) throw notFound("submission");
  return row;
}

/** The submission the bot posted as this message in a reviewers' chat, if any. */
export async function findSubmissionByReviewMessage(
  db: Database,
  input: { chatId: number; messageId: number },
): Promise<SubmissionView | undefined> {
  const [row] = await viewQuery(db).where(
    and(
      eq(courseSubmissions.reviewChatId, input.chatId),
      eq(courseSubmissions.reviewMessageId, input.messageId),
    ),
  );
  return row;
}

/** The review queue: PREMIUM first, then oldest first; optionally one course or some statuses. */
export async function listSubmissions(
  db: Database,
  filter: { courseId?: string; statuses?: SubmissionStatus[]; limit?: number } = {},
): Promise<SubmissionView[]> {
  const where = and(
    filter.courseId ? eq(courses.id, filter.courseId) : undefined,
    filter.statuses?.length ? inArray(courseSubmissions.status, filter.statuses) : undefined,
  );
  return viewQuery(db)
    .where(where)
    .orderBy(
      sql`case when ${courseEnrollments.tariff} = 'PREMIUM' then 0 else 1 end`,
      asc(courseSubmissions.createdAt),
      asc(courseSubmissions.id),
    )
    .limit(filter.limit ?? 100);
}

/** Where the bot posted the submission for reviewers: a reply to that message reviews it. */
export async function recordReviewMessage(
  ctx: CoreContext,
  input: { submissionId: string; chatId: number; messageId: number },
): Promise<void> {
  await ctx.db
    .update(courseSubmissions)
    .set({ reviewChatId: input.chatId, reviewMessageId: input.messageId, updatedAt: ctx.clock.now() })
    .where(eq(courseSubmissions.id, input.submissionId));
}

/**
 * Why a reviewer may not take or review this homework, naming who has it: the panel and the
 * reviewers' chat show the reason as it is (`details.reviewer` for clients that render their own).
 */
function takenElsewhere(view: SubmissionView): LumenError {
  const reviewer = view.reviewerEmail ?? "another reviewer";
  const { status } = view.submission;
  const message =
    status === "in_review"
      ? `${reviewer} has already taken this homework`
      : status === "acknowledged"
        ? "This homework is not reviewed: the student's tariff has no feedback"
        : `This homework was already reviewed${view.reviewerEmail ? ` by ${reviewer}` : ""}`;
  return new LumenError("CONFLICT", message, {
    field: "submission_id",
    reviewer: view.reviewerEmail,
    status,
  });
}

/**
 * "Take": one reviewer at a time. The claim goes to the first taker of a queued submission;
 * the holder taking it again keeps it; anyone else is refused (CONFLICT). The card in the
 * reviewers' chat follows through a job queued in the same transaction, wherever the take was made.
 */
export async function claimSubmission(
  ctx: CoreContext,
  actor: Actor,
  input: { submissionId: string },
): Promise<CourseSubmissionRow> {
  requireRole(actor, "reviewer");
  requireOperator(actor, "Only an operator can take homework");
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(courseSubmissions)
      .set({ status: "in_review", reviewerId: actor.id, claimedAt: now, updatedAt: now })
      .where(
        and(
          eq(courseSubmissions.id, input.submissionId),
          or(
            eq(courseSubmissions.status, "queued"),
            and(
              eq(courseSubmissions.status, "in_review"),
              eq(courseSubmissions.reviewerId, actor.id as string),
            ),
          ),
        ),
      )
      .returning();
    if (!row) throw takenElsewhere(await readSubmission(tx, input.submissionId));
    await recordAudit(tx, actor, {
      action: "course.submission.claim",
      entityType: "course_submission",
      entityId: row.id,
    });
    await queueJob(ctx, tx, "courses.refresh-review-card", { submissionId: row.id, ref: now.toISOString() });
    return row;
  });
}

/**
 * Homework is held and reviewed by a person the team and the student can name: an API key (or
 * the CLI) would leave a reviewer id that is no operator, shown as a bare id in the stats and cards.
 */
function requireOperator(actor: Actor, message: string): asserts actor is Actor & { id: string } {
  if (actor.type !== "admin" || !actor.id) throw new LumenError("FORBIDDEN", message);
}

const reviewInput = z.object({
  submissionId: z.uuid(),
  verdict: z.enum(["accepted", "redo"]),
  grade: z.number().int().min(1).max(10).nullable().default(null),
  feedback: z.string().trim().min(1).max(3500),
});

/**
 * The reviewer's verdict: accepted with feedback (and a grade), or "redo", which reopens the
 * homework (a required one holds the next lesson again until a new answer comes). A queued
 * submission is claimed by this review; one held by another reviewer is refused. The student
 * gets the feedback, and the reviewers' chat card its verdict, through jobs queued in the same
 * transaction.
 */
export async function reviewSubmission(
  ctx: CoreContext,
  actor: Actor,
  input: z.input<typeof reviewInput>,
): Promise<CourseSubmissionRow> {
  requireRole(actor, "reviewer");
  const { submissionId, verdict, grade, feedback } = parseInput(reviewInput, input);
  requireOperator(actor, "Only an operator can review homework");
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(courseSubmissions)
      .where(eq(courseSubmissions.id, submissionId))
      .for("update");
    if (!current) throw notFound("submission");
    const open =
      current.status === "queued" || (current.status === "in_review" && current.reviewerId === actor.id);
    if (!open) throw takenElsewhere(await readSubmission(tx, submissionId));
    const [row] = await tx
      .update(courseSubmissions)
      .set({
        status: verdict,
        grade,
        feedback,
        reviewerId: actor.id,
        claimedAt: current.claimedAt ?? now,
        reviewedAt: now,
        firstReviewedAt: current.firstReviewedAt ?? now,
        updatedAt: now,
      })
      .where(eq(courseSubmissions.id, submissionId))
      .returning();
    if (!row) throw notFound("submission");
    await recordAudit(tx, actor, {
      action: "course.submission.review",
      entityType: "course_submission",
      entityId: row.id,
      data: { verdict, grade },
    });
    await queueJob(ctx, tx, "courses.send-feedback", { submissionId, reviewedAt: now.toISOString() });
    await queueJob(ctx, tx, "courses.refresh-review-card", { submissionId, ref: now.toISOString() });
    return row;
  });
}
