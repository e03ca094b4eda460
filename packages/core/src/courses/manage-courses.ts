import { type CourseRow, courses, type Database } from "@lumen/db";
import { asc, eq } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";
import { isUniqueViolation } from "../shared/pg-errors.ts";
import { type CourseInput, courseInput, coursePatch } from "./course-input.ts";

export async function getCourse(db: Database, id: string): Promise<CourseRow> {
  const [row] = await db.select().from(courses).where(eq(courses.id, id));
  if (!row) throw notFound("course");
  return row;
}

export async function findCourseByCode(db: Database, code: string): Promise<CourseRow | undefined> {
  const [row] = await db.select().from(courses).where(eq(courses.code, code));
  return row;
}

export async function listCourses(db: Database): Promise<CourseRow[]> {
  return db.select().from(courses).orderBy(asc(courses.createdAt), asc(courses.id));
}

const codeTaken = (error: unknown): never => {
  if (isUniqueViolation(error))
    throw new LumenError("CONFLICT", "Another course has this code", { field: "code" });
  throw error;
};

/** Operators (admin role) write courses; every change is audited. */
export async function createCourse(ctx: CoreContext, actor: Actor, input: CourseInput): Promise<CourseRow> {
  requireRole(actor, "admin");
  const fields = parseInput(courseInput, input);
  return ctx.db
    .transaction(async (tx) => {
      const [row] = await tx.insert(courses).values(fields).returning();
      if (!row) throw new LumenError("INTERNAL", "The course was not saved");
      await recordAudit(tx, actor, {
        action: "course.create",
        entityType: "course",
        entityId: row.id,
        data: { code: row.code, title: row.title },
      });
      return row;
    })
    .catch(codeTaken);
}

export async function updateCourse(
  ctx: CoreContext,
  actor: Actor,
  id: string,
  patch: z.input<typeof coursePatch>,
): Promise<CourseRow> {
  requireRole(actor, "admin");
  const fields = parseInput(coursePatch, patch);
  return ctx.db
    .transaction(async (tx) => {
      await getCourse(tx, id);
      const [row] = await tx
        .update(courses)
        .set({ ...fields, updatedAt: ctx.clock.now() })
        .where(eq(courses.id, id))
        .returning();
      if (!row) throw notFound("course");
      await recordAudit(tx, actor, {
        action: "course.update",
        entityType: "course",
        entityId: id,
        data: fields,
      });
      return row;
    })
    .catch(codeTaken);
}
