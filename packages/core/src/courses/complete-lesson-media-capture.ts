import { courseLessonMediaCaptures, courseLessons, type LessonMediaKind } from "@lumen/db";
import { and, desc, eq, gt, isNotNull, isNull } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.ts";
import { findOperatorByTelegramId } from "../auth/operator-telegram.ts";
import { hasRole } from "../auth/roles.ts";
import type { CoreContext } from "../shared/context.ts";
import { LumenError } from "../shared/errors.ts";
import { hashCaptureToken } from "./start-lesson-media-capture.ts";

/** Why a media link opened in the bot was refused; the bot words each one. */
export type MediaCaptureRefusal = "unknown" | "expired" | "used" | "wrong_operator";

const refuse = (reason: MediaCaptureRefusal, message: string) =>
  new LumenError("CONFLICT", message, { field: "token", reason });

/**
 * The bot received `/start media_<token>`: from the operator who asked for it, the capture opens
 * and their next file in this bot is taken. Refused (CONFLICT with a `reason`) for an unknown,
 * expired or used link, and for anyone else, so no one else's file lands in a lesson.
 */
export async function openLessonMediaCapture(
  ctx: CoreContext,
  input: { token: string; telegramUserId: number; botId: string },
): Promise<{ lessonTitle: string }> {
  const now = ctx.clock.now();
  const [found] = await ctx.db
    .select({ capture: courseLessonMediaCaptures, lessonTitle: courseLessons.title })
    .from(courseLessonMediaCaptures)
    .innerJoin(courseLessons, eq(courseLessons.id, courseLessonMediaCaptures.lessonId))
    .where(eq(courseLessonMediaCaptures.tokenHash, hashCaptureToken(input.token)));
  if (!found || found.capture.botId !== input.botId) throw refuse("unknown", "This media link is unknown");
  if (found.capture.completedAt) throw refuse("used", "This media link was already used");
  if (found.capture.expiresAt <= now) throw refuse("expired", "This media link has expired");
  const operator = await findOperatorByTelegramId(ctx, input.telegramUserId);
  if (operator?.id !== found.capture.adminId)
    throw refuse("wrong_operator", "This media link belongs to another operator");
  await ctx.db
    .update(courseLessonMediaCaptures)
    .set({ telegramUserId: input.telegramUserId, openedAt: now, updatedAt: now })
    .where(eq(courseLessonMediaCaptures.id, found.capture.id));
  return { lessonTitle: found.lessonTitle };
}

/**
 * A file the operator sent to the bot after opening a capture becomes the lesson's media (its kind
 * and Telegram file_id), once. Null when this person has no open capture in this bot: the message
 * is then none of this verb's business and goes on to the bot's other features.
 */
export async function completeLessonMediaCapture(
  ctx: CoreContext,
  input: { telegramUserId: number; botId: string; kind: LessonMediaKind; fileId: string },
): Promise<{ lessonId: string; lessonTitle: string } | null> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [capture] = await tx
      .select()
      .from(courseLessonMediaCaptures)
      .where(
        and(
          eq(courseLessonMediaCaptures.telegramUserId, input.telegramUserId),
          eq(courseLessonMediaCaptures.botId, input.botId),
          isNotNull(courseLessonMediaCaptures.openedAt),
          isNull(courseLessonMediaCaptures.completedAt),
          gt(courseLessonMediaCaptures.expiresAt, now),
        ),
      )
      .orderBy(desc(courseLessonMediaCaptures.openedAt))
      .limit(1)
      .for("update");
    if (!capture) return null;
    // Still this operator, still allowed to edit lessons: a link opened before an unlink or a demotion takes nothing.
    const operator = await findOperatorByTelegramId({ ...ctx, db: tx }, input.telegramUserId);
    if (operator?.id !== capture.adminId || !hasRole(operator.role, "admin")) return null;
    await tx
      .update(courseLessonMediaCaptures)
      .set({ completedAt: now, mediaKind: input.kind, mediaRef: input.fileId, updatedAt: now })
      .where(eq(courseLessonMediaCaptures.id, capture.id));
    const [lesson] = await tx
      .update(courseLessons)
      .set({ mediaKind: input.kind, mediaRef: input.fileId, updatedAt: now })
      .where(eq(courseLessons.id, capture.lessonId))
      .returning({ id: courseLessons.id, courseId: courseLessons.courseId, title: courseLessons.title });
    if (!lesson) return null;
    await recordAudit(
      tx,
      { type: "admin", id: operator.id, role: operator.role },
      {
        action: "course.lesson.update",
        entityType: "course",
        entityId: lesson.courseId,
        data: { lessonId: lesson.id, fields: ["mediaKind", "mediaRef"], via: "bot" },
      },
    );
    return { lessonId: lesson.id, lessonTitle: lesson.title };
  });
}
