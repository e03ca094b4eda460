import { type CourseEnrollmentRow, courseEnrollments, type Database } from "@lumen/db";
import { and, desc, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { CoreContext } from "../shared/context.ts";
import { notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";
import { deliveryHourInput, timezoneInput } from "./course-input.ts";

/** The user's places on courses, newest first (refunded ones left out). */
export async function listUserEnrollments(db: Database, userId: string): Promise<CourseEnrollmentRow[]> {
  return db
    .select()
    .from(courseEnrollments)
    .where(and(eq(courseEnrollments.userId, userId), ne(courseEnrollments.status, "refunded")))
    .orderBy(desc(courseEnrollments.createdAt));
}

const scheduleInput = z.object({
  enrollmentId: z.uuid(),
  userId: z.uuid(),
  timezone: timezoneInput.optional(),
  deliveryHour: deliveryHourInput.optional(),
});

/**
 * The student's own time zone and hour (onboarding, or later). Only future days move: what was
 * delivered stays delivered, and the next lesson is never pulled before the next local day.
 */
export async function setEnrollmentSchedule(
  ctx: CoreContext,
  input: z.input<typeof scheduleInput>,
): Promise<CourseEnrollmentRow> {
  const { enrollmentId, userId, ...changes } = parseInput(scheduleInput, input);
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .update(courseEnrollments)
    .set({ ...changes, onboardedAt: now, updatedAt: now })
    .where(and(eq(courseEnrollments.id, enrollmentId), eq(courseEnrollments.userId, userId)))
    .returning();
  if (!row) throw notFound("enrollment");
  return row;
}
