import { type CourseLessonRow, courseDeliveries, courseEnrollments, courseLessons } from "@lumen/db";
import { and, eq, isNull } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import { notFound, validationFailed } from "../shared/errors.ts";

/** A delivered lesson of this user, or NOT_FOUND (someone else's button, a refunded place). */
async function ownDelivery(ctx: CoreContext, userId: string, deliveryId: string) {
  const [row] = await ctx.db
    .select({ delivery: courseDeliveries, lesson: courseLessons })
    .from(courseDeliveries)
    .innerJoin(courseEnrollments, eq(courseEnrollments.id, courseDeliveries.enrollmentId))
    .innerJoin(courseLessons, eq(courseLessons.id, courseDeliveries.lessonId))
    .where(
      and(
        eq(courseDeliveries.id, deliveryId),
        eq(courseDeliveries.status, "sent"),
        eq(courseEnrollments.userId, userId),
      ),
    );
  if (!row) throw notFound("lesson");
  return row;
}

/** "Mark as done": the first tap counts, later ones change nothing. */
export async function markLessonDone(
  ctx: CoreContext,
  input: { userId: string; deliveryId: string },
): Promise<CourseLessonRow> {
  const { lesson } = await ownDelivery(ctx, input.userId, input.deliveryId);
  await ctx.db
    .update(courseDeliveries)
    .set({ doneAt: ctx.clock.now() })
    .where(and(eq(courseDeliveries.id, input.deliveryId), isNull(courseDeliveries.doneAt)));
  return lesson;
}

export type QuizResult = { correct: boolean; first: boolean; rightOption: string };

/** The lesson's quiz answered: only the first answer is kept (and marks the lesson done). */
export async function answerQuiz(
  ctx: CoreContext,
  input: { userId: string; deliveryId: string; answer: number },
): Promise<QuizResult> {
  const { delivery, lesson } = await ownDelivery(ctx, input.userId, input.deliveryId);
  const quiz = lesson.quiz;
  if (!quiz || input.answer < 0 || input.answer >= quiz.options.length)
    throw validationFailed("answer", "not an option of this lesson's quiz");
  const now = ctx.clock.now();
  const [saved] = await ctx.db
    .update(courseDeliveries)
    .set({ quizAnswer: input.answer, doneAt: delivery.doneAt ?? now })
    .where(and(eq(courseDeliveries.id, input.deliveryId), isNull(courseDeliveries.quizAnswer)))
    .returning();
  const answer = saved ? input.answer : (delivery.quizAnswer ?? input.answer);
  return { correct: answer === quiz.answer, first: !!saved, rightOption: quiz.options[quiz.answer] ?? "" };
}
