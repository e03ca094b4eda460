import { type CoreContext, listBots } from "@lumen/core";
import type { CourseRow, UserRow } from "@lumen/db";
import { createTranslator, isLocale, type Locale, resolveLocale, type Translate } from "@lumen/locales";

/** The bot that teaches a course: its own, else the one the student came through, else the first enabled. */
export async function courseBotId(
  core: CoreContext,
  course: CourseRow,
  student?: UserRow,
): Promise<string | undefined> {
  return course.botId ?? student?.botId ?? (await listBots(core)).find((b) => b.enabled)?.id;
}

export function studentTranslator(student: UserRow): Translate {
  const locale: Locale =
    student.locale && isLocale(student.locale) ? student.locale : resolveLocale(student.languageCode);
  return createTranslator(locale);
}

/** The reviewers' chat reads the course's language. */
export const reviewersTranslator = (course: CourseRow): Translate =>
  createTranslator(isLocale(course.language) ? course.language : resolveLocale(course.language));
