import { type CourseLessonRow, courseLessons, courseTariffChats, type Database } from "@lumen/db";
import { and, asc, eq, max, sql } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError, notFound, validationFailed } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";
import { type LessonInput, lessonInput, lessonPatch, tariffChatsInput } from "./course-input.ts";
import { getCourse } from "./manage-courses.ts";

export async function listLessons(db: Database, courseId: string): Promise<CourseLessonRow[]> {
  return db
    .select()
    .from(courseLessons)
    .where(eq(courseLessons.courseId, courseId))
    .orderBy(asc(courseLessons.position));
}

async function getLesson(db: Database, courseId: string, lessonId: string): Promise<CourseLessonRow> {
  const [row] = await db
    .select()
    .from(courseLessons)
    .where(and(eq(courseLessons.id, lessonId), eq(courseLessons.courseId, courseId)));
  if (!row) throw notFound("lesson");
  return row;
}

/** A new lesson goes after the last one; reorderLessons moves it. */
export async function addLesson(
  ctx: CoreContext,
  actor: Actor,
  courseId: string,
  input: LessonInput,
): Promise<CourseLessonRow> {
  requireRole(actor, "admin");
  const fields = parseInput(lessonInput, input);
  return ctx.db.transaction(async (tx) => {
    await getCourse(tx, courseId);
    // Serialises additions to one course, so two never take the same position.
    await tx.execute(sql`select 1 from courses where id = ${courseId} for update`);
    const [last] = await tx
      .select({ position: max(courseLessons.position) })
      .from(courseLessons)
      .where(eq(courseLessons.courseId, courseId));
    const [row] = await tx
      .insert(courseLessons)
      .values({ ...fields, courseId, position: (last?.position ?? 0) + 1 })
      .returning();
    if (!row) throw new LumenError("INTERNAL", "The lesson was not saved");
    await recordAudit(tx, actor, {
      action: "course.lesson.add",
      entityType: "course",
      entityId: courseId,
      data: { lessonId: row.id, title: row.title },
    });
    return row;
  });
}

export async function updateLesson(
  ctx: CoreContext,
  actor: Actor,
  courseId: string,
  lessonId: string,
  patch: z.input<typeof lessonPatch>,
): Promise<CourseLessonRow> {
  requireRole(actor, "admin");
  const fields = parseInput(lessonPatch, patch);
  return ctx.db.transaction(async (tx) => {
    const current = await getLesson(tx, courseId, lessonId);
    const merged = parseInput(lessonInput, { ...current, ...fields });
    const [row] = await tx
      .update(courseLessons)
      .set({ ...merged, updatedAt: ctx.clock.now() })
      .where(eq(courseLessons.id, lessonId))
      .returning();
    if (!row) throw notFound("lesson");
    await recordAudit(tx, actor, {
      action: "course.lesson.update",
      entityType: "course",
      entityId: courseId,
      data: { lessonId, fields: Object.keys(fields) },
    });
    return row;
  });
}

/**
 * Puts the course's lessons in the given order (every lesson once): positions become 1..n.
 * Students keep their day count, so a reorder changes what later days bring, not what was sent.
 */
export async function reorderLessons(
  ctx: CoreContext,
  actor: Actor,
  courseId: string,
  lessonIds: string[],
): Promise<CourseLessonRow[]> {
  requireRole(actor, "admin");
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select 1 from courses where id = ${courseId} for update`);
    const current = await listLessons(tx, courseId);
    const same =
      lessonIds.length === current.length &&
      new Set(lessonIds).size === lessonIds.length &&
      current.every((l) => lessonIds.includes(l.id));
    if (!same) throw validationFailed("lesson_ids", "list every lesson of the course exactly once");
    // Two passes: positions are unique per course, so move them out of the way first.
    await tx
      .update(courseLessons)
      .set({ position: sql`${courseLessons.position} + 100000` })
      .where(eq(courseLessons.courseId, courseId));
    for (const [index, id] of lessonIds.entries()) {
      await tx
        .update(courseLessons)
        .set({ position: index + 1, updatedAt: ctx.clock.now() })
        .where(eq(courseLessons.id, id));
    }
    await recordAudit(tx, actor, {
      action: "course.lesson.reorder",
      entityType: "course",
      entityId: courseId,
      data: { lessonIds },
    });
    return listLessons(tx, courseId);
  });
}

/** The chats a tariff's students are invited to after paying. */
export async function setTariffChats(
  ctx: CoreContext,
  actor: Actor,
  courseId: string,
  input: z.input<typeof tariffChatsInput>,
): Promise<void> {
  requireRole(actor, "admin");
  const { tariff, chatIds } = parseInput(tariffChatsInput, input);
  await ctx.db.transaction(async (tx) => {
    await getCourse(tx, courseId);
    await tx
      .insert(courseTariffChats)
      .values({ courseId, tariff, chatIds })
      .onConflictDoUpdate({
        target: [courseTariffChats.courseId, courseTariffChats.tariff],
        set: { chatIds },
      });
    await recordAudit(tx, actor, {
      action: "course.tariff.chats",
      entityType: "course",
      entityId: courseId,
      data: { tariff, chatIds },
    });
  });
}
