import { createHash, randomInt } from "node:crypto";
import {
  admins,
  bots,
  type CourseLessonMediaCaptureRow,
  courseLessonMediaCaptures,
  courseLessons,
  courses,
  type LessonMediaKind,
} from "@lumen/db";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError, notFound } from "../shared/errors.ts";
import { findTeachingBot } from "./teaching-bot.ts";

/** Long enough to open Telegram on a phone and send a file; short enough that a leaked link is stale. */
export const LESSON_MEDIA_CAPTURE_TTL_MS = 10 * 60_000;
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
const TOKEN_LENGTH = 24;

export const hashCaptureToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type LessonMediaCaptureStatus = "waiting" | "opened" | "completed" | "expired";

/** A capture as the panel polls it: where it stands and, once completed, the media it took. */
export type LessonMediaCaptureView = {
  id: string;
  courseId: string;
  lessonId: string;
  status: LessonMediaCaptureStatus;
  mediaKind: LessonMediaKind | null;
  mediaRef: string | null;
  botUsername: string;
  expiresAt: Date;
};

const statusOf = (row: CourseLessonMediaCaptureRow, now: Date): LessonMediaCaptureStatus => {
  if (row.completedAt) return "completed";
  if (row.expiresAt <= now) return "expired";
  return row.openedAt ? "opened" : "waiting";
};

/**
 * A one-time link for the signed-in operator to send a lesson's media to the course's bot
 * (`t.me/<bot>?start=media_<token>`); their next photo, video, document or voice there becomes
 * the lesson's media. It needs their Telegram account linked, so the bot knows who is sending.
 * A new capture replaces the operator's earlier ones: the bot always knows which lesson a file is for.
 */
export async function startLessonMediaCapture(
  ctx: CoreContext,
  actor: Actor,
  input: { courseId: string; lessonId: string },
): Promise<{ capture: LessonMediaCaptureView; token: string }> {
  requireRole(actor, "admin");
  if (actor.type !== "admin" || !actor.id)
    throw new LumenError(
      "FORBIDDEN",
      "Only an operator signed in to the panel can send media through the bot",
    );
  const adminId = actor.id;
  const now = ctx.clock.now();
  const [lesson] = await ctx.db
    .select({ id: courseLessons.id, botId: courses.botId })
    .from(courseLessons)
    .innerJoin(courses, eq(courses.id, courseLessons.courseId))
    .where(and(eq(courseLessons.id, input.lessonId), eq(courseLessons.courseId, input.courseId)));
  if (!lesson) throw notFound("lesson");
  const [operator] = await ctx.db
    .select({ telegramUserId: admins.telegramUserId })
    .from(admins)
    .where(eq(admins.id, adminId));
  if (!operator?.telegramUserId)
    throw new LumenError("CONFLICT", "Link your Telegram account first (in your profile)", {
      reason: "telegram_not_linked",
    });
  const bot = await findTeachingBot(ctx.db, lesson.botId);
  let token = "";
  for (let i = 0; i < TOKEN_LENGTH; i++) token += ALPHABET[randomInt(ALPHABET.length)];
  const expiresAt = new Date(now.getTime() + LESSON_MEDIA_CAPTURE_TTL_MS);
  const row = await ctx.db.transaction(async (tx) => {
    await tx
      .delete(courseLessonMediaCaptures)
      .where(
        or(
          and(eq(courseLessonMediaCaptures.adminId, adminId), isNull(courseLessonMediaCaptures.completedAt)),
          lt(courseLessonMediaCaptures.expiresAt, now),
        ),
      );
    const [inserted] = await tx
      .insert(courseLessonMediaCaptures)
      .values({
        tokenHash: hashCaptureToken(token),
        adminId,
        lessonId: lesson.id,
        botId: bot.id,
        expiresAt,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!inserted) throw new LumenError("INTERNAL", "The capture was not saved");
    return inserted;
  });
  return { token, capture: viewOf(row, input.courseId, bot.username, now) };
}

const viewOf = (
  row: CourseLessonMediaCaptureRow,
  courseId: string,
  botUsername: string,
  now: Date,
): LessonMediaCaptureView => ({
  id: row.id,
  courseId,
  lessonId: row.lessonId,
  status: statusOf(row, now),
  mediaKind: row.mediaKind,
  mediaRef: row.mediaRef,
  botUsername,
  expiresAt: row.expiresAt,
});

/** A capture as its operator polls it; anyone else's is not found. */
export async function readLessonMediaCapture(
  ctx: CoreContext,
  actor: Actor,
  captureId: string,
): Promise<LessonMediaCaptureView> {
  requireRole(actor, "admin");
  const [found] = await ctx.db
    .select({
      capture: courseLessonMediaCaptures,
      courseId: courseLessons.courseId,
      botUsername: bots.username,
    })
    .from(courseLessonMediaCaptures)
    .innerJoin(courseLessons, eq(courseLessons.id, courseLessonMediaCaptures.lessonId))
    .innerJoin(bots, eq(bots.id, courseLessonMediaCaptures.botId))
    .where(eq(courseLessonMediaCaptures.id, captureId));
  if (!found || found.capture.adminId !== actor.id) throw notFound("media capture", captureId);
  return viewOf(found.capture, found.courseId, found.botUsername, ctx.clock.now());
}
