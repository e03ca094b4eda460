import { readCourseProgress, setEnrollmentSchedule } from "@lumen/core";
import type { Translate } from "@lumen/locales";
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../context.ts";
import {
  hourData,
  hourPattern,
  offeredTimezones,
  scheduleData,
  schedulePattern,
  timezoneData,
  timezonePattern,
} from "./course-callbacks.ts";
import { upgradeKeyboard } from "./upgrade-keyboard.ts";

/** /course: the course's page, a progress bar, when the next lesson comes; the time picker. */
export const coursePageFeature = new Composer<BotContext>();

const chunk = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

export const progressBar = (done: number, total: number, cells = 10) => {
  const filled = total ? Math.round((done / total) * cells) : 0;
  return "▓".repeat(filled) + "░".repeat(cells - filled);
};

/** The zones as buttons, two a row; the student's own zone, if another, stays as it is. */
export function timezoneKeyboard(enrollmentId: string): InlineKeyboard {
  const buttons = offeredTimezones.map((zone, index) =>
    InlineKeyboard.text(zone.replace(/^.*\//, "").replace(/_/g, " "), timezoneData(enrollmentId, index)),
  );
  return InlineKeyboard.from(chunk(buttons, 2));
}

function hourKeyboard(enrollmentId: string): InlineKeyboard {
  const buttons = Array.from({ length: 18 }, (_, i) =>
    InlineKeyboard.text(`${i + 6}:00`, hourData(enrollmentId, i + 6)),
  );
  return InlineKeyboard.from(chunk(buttons, 6));
}

export const askTimezone = (t: Translate, enrollment: { id: string; timezone: string }) => ({
  text: t("course-ask-timezone", { timezone: enrollment.timezone }),
  keyboard: timezoneKeyboard(enrollment.id),
});

coursePageFeature.chatType("private").command("course", async (ctx) => {
  if (!ctx.user) return;
  const progress = await readCourseProgress(ctx.services.core.db, ctx.user.id);
  if (!progress) return ctx.reply(ctx.t("course-none"));
  const { enrollment, course, lessons } = progress;
  const done = lessons.filter((l) => l.state === "done").length;
  const lines = [
    ctx.t("course-page", {
      title: course.title,
      tariff: enrollment.tariff,
      bar: progressBar(done, lessons.length),
      done,
      total: lessons.length,
    }),
  ];
  if (course.description) lines.push("", course.description);
  lines.push("");
  if (progress.next) {
    const when = new Intl.DateTimeFormat(ctx.locale, {
      timeZone: enrollment.timezone,
      dateStyle: "medium",
      timeStyle: "short",
    }).format(progress.next.dueAt);
    lines.push(ctx.t("course-next-lesson", { when, timezone: enrollment.timezone }));
  } else if (progress.waitingForDay) {
    lines.push(ctx.t("course-next-waiting", { day: progress.waitingForDay }));
  } else {
    lines.push(ctx.t("course-finished"));
  }
  const keyboard = new InlineKeyboard()
    .text(ctx.t("course-change-schedule"), scheduleData(enrollment.id))
    .row();
  const upgrades = await upgradeKeyboard(ctx, course.code, keyboard);
  if (upgrades) lines.push("", ctx.t("course-upgrade-offer"));
  await ctx.reply(lines.join("\n"), { reply_markup: keyboard });
});

coursePageFeature.callbackQuery(schedulePattern, async (ctx) => {
  await ctx.answerCallbackQuery();
  const progress = ctx.user && (await readCourseProgress(ctx.services.core.db, ctx.user.id));
  if (!progress || progress.enrollment.id !== ctx.match[1]) return;
  const ask = askTimezone(ctx.t, progress.enrollment);
  await ctx.reply(ask.text, { reply_markup: ask.keyboard });
});

coursePageFeature.callbackQuery(timezonePattern, async (ctx) => {
  const timezone = offeredTimezones[Number(ctx.match[2])];
  if (!ctx.user || !timezone) return ctx.answerCallbackQuery();
  const enrollment = await setEnrollmentSchedule(ctx.services.core, {
    enrollmentId: ctx.match[1] as string,
    userId: ctx.user.id,
    timezone,
  });
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("course-ask-hour", { hour: enrollment.deliveryHour }), {
    reply_markup: hourKeyboard(enrollment.id),
  });
});

coursePageFeature.callbackQuery(hourPattern, async (ctx) => {
  if (!ctx.user) return ctx.answerCallbackQuery();
  const enrollment = await setEnrollmentSchedule(ctx.services.core, {
    enrollmentId: ctx.match[1] as string,
    userId: ctx.user.id,
    deliveryHour: Number(ctx.match[2]),
  });
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(
    ctx.t("course-schedule-saved", { hour: enrollment.deliveryHour, timezone: enrollment.timezone }),
  );
});
