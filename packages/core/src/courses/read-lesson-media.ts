import { courseLessons, courses, type LessonMediaKind } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError, notFound } from "../shared/errors.ts";
import { findTeachingBot } from "./teaching-bot.ts";

/** A lesson's Telegram file and the bot that can download it (its file_id works only there). */
export type LessonTelegramFile = { kind: LessonMediaKind; fileId: string; botId: string };

const isUrl = (ref: string) => /^https?:\/\//i.test(ref);

/**
 * The lesson's saved media as a Telegram file, for the panel's preview to show what the bot will
 * send. Anyone who may read the course's lessons may see it. NOT_FOUND when the lesson has no
 * media, or has a URL (the browser loads that itself); `expectedRef` (the file_id the panel shows)
 * must match the saved one, so an unsaved edit is never mistaken for the saved file.
 */
export async function readLessonMedia(
  ctx: CoreContext,
  actor: Actor,
  input: { courseId: string; lessonId: string; expectedRef?: string | undefined },
): Promise<LessonTelegramFile> {
  requireRole(actor, "operator");
  const [lesson] = await ctx.db
    .select({ kind: courseLessons.mediaKind, ref: courseLessons.mediaRef, botId: courses.botId })
    .from(courseLessons)
    .innerJoin(courses, eq(courses.id, courseLessons.courseId))
    .where(and(eq(courseLessons.id, input.lessonId), eq(courseLessons.courseId, input.courseId)));
  if (!lesson) throw notFound("lesson");
  if (!lesson.kind || !lesson.ref) throw new LumenError("NOT_FOUND", "This lesson has no media");
  if (isUrl(lesson.ref))
    throw new LumenError("NOT_FOUND", "This lesson's media is a URL: open it directly", { reason: "url" });
  if (input.expectedRef !== undefined && input.expectedRef !== lesson.ref)
    throw new LumenError("CONFLICT", "Save the lesson to preview this file", {
      field: "ref",
      reason: "unsaved",
    });
  const bot = await findTeachingBot(ctx.db, lesson.botId);
  return { kind: lesson.kind, fileId: lesson.ref, botId: bot.id };
}
