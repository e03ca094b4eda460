import { answerQuiz, type CourseProgress, markLessonDone, readCourseProgress } from "@lumen/core";
import type { Translate } from "@lumen/locales";
import { Composer, InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { BotContext } from "../../context.ts";
import {
  lessonDoneData,
  lessonDonePattern,
  lessonListData,
  lessonViewData,
  lessonViewPattern,
  quizData,
  quizPattern,
} from "./course-callbacks.ts";
import { lessonText } from "./lesson-message.ts";

/** /lessons: the course's lessons (✓ done, ▶ given, 🔒 not yet), each given one opened again. */
export const lessonsFeature = new Composer<BotContext>();

function lessonList(t: Translate, progress: CourseProgress) {
  const lines = progress.lessons.map((row) =>
    t("course-lesson-row", { state: row.state, day: row.lesson.position, title: row.lesson.title }),
  );
  const keyboard = InlineKeyboard.from(
    progress.lessons
      .filter((row) => row.state !== "locked")
      .map((row) => [
        InlineKeyboard.text(
          `${row.lesson.position}. ${row.lesson.title}`,
          lessonViewData(row.lesson.position),
        ),
      ]),
  );
  return {
    text: [t("course-lessons-title", { title: progress.course.title }), "", ...lines].join("\n"),
    keyboard,
  };
}

function lessonScreen(t: Translate, progress: CourseProgress, day: number) {
  const index = progress.lessons.findIndex((r) => r.lesson.position === day);
  const row = progress.lessons[index];
  if (!row?.delivery) return undefined;
  const rows: InlineKeyboardButton[][] = [];
  const delivery = row.delivery;
  if (row.state !== "done")
    rows.push([InlineKeyboard.text(t("course-mark-done"), lessonDoneData(delivery.id))]);
  const quiz = row.lesson.quiz;
  if (quiz && delivery.quizAnswer === null)
    for (const [i, option] of quiz.options.entries())
      rows.push([InlineKeyboard.text(option, quizData(delivery.id, i))]);
  const prev = progress.lessons[index - 1];
  const next = progress.lessons[index + 1];
  const nav = [
    ...(prev ? [InlineKeyboard.text(t("course-prev"), lessonViewData(prev.lesson.position))] : []),
    ...(next?.delivery ? [InlineKeyboard.text(t("course-next"), lessonViewData(next.lesson.position))] : []),
  ];
  if (nav.length) rows.push(nav);
  rows.push([InlineKeyboard.text(t("course-back"), lessonListData)]);
  const keyboard = InlineKeyboard.from(rows);
  const quizLine =
    quiz && row.delivery.quizAnswer === null ? `\n\n${t("course-quiz", { question: quiz.question })}` : "";
  return { text: lessonText(t, row.lesson, progress.lessons.length) + quizLine, keyboard };
}

lessonsFeature.chatType("private").command("lessons", async (ctx) => {
  if (!ctx.user) return;
  const progress = await readCourseProgress(ctx.services.core.db, ctx.user.id);
  if (!progress) return ctx.reply(ctx.t("course-none"));
  const list = lessonList(ctx.t, progress);
  await ctx.reply(list.text, { reply_markup: list.keyboard });
});

lessonsFeature.callbackQuery(lessonListData, async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!ctx.user) return;
  const progress = await readCourseProgress(ctx.services.core.db, ctx.user.id);
  if (!progress) return;
  const list = lessonList(ctx.t, progress);
  await ctx.editMessageText(list.text, { reply_markup: list.keyboard });
});

lessonsFeature.callbackQuery(lessonViewPattern, async (ctx) => {
  if (!ctx.user) return ctx.answerCallbackQuery();
  const progress = await readCourseProgress(ctx.services.core.db, ctx.user.id);
  const screen = progress && lessonScreen(ctx.t, progress, Number(ctx.match[1]));
  if (!screen) return ctx.answerCallbackQuery({ text: ctx.t("course-locked") });
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(screen.text, { parse_mode: "HTML", reply_markup: screen.keyboard });
});

lessonsFeature.callbackQuery(lessonDonePattern, async (ctx) => {
  if (!ctx.user) return ctx.answerCallbackQuery();
  await markLessonDone(ctx.services.core, { userId: ctx.user.id, deliveryId: ctx.match[1] as string });
  await ctx.answerCallbackQuery({ text: ctx.t("course-marked-done") });
  await ctx.editMessageReplyMarkup({ reply_markup: new InlineKeyboard() }).catch(() => undefined);
});

lessonsFeature.callbackQuery(quizPattern, async (ctx) => {
  if (!ctx.user) return ctx.answerCallbackQuery();
  const result = await answerQuiz(ctx.services.core, {
    userId: ctx.user.id,
    deliveryId: ctx.match[1] as string,
    answer: Number(ctx.match[2]),
  });
  await ctx.answerCallbackQuery();
  const text = !result.first
    ? ctx.t("course-quiz-answered")
    : result.correct
      ? ctx.t("course-quiz-right")
      : ctx.t("course-quiz-wrong", { answer: result.rightOption });
  await ctx.editMessageReplyMarkup({ reply_markup: new InlineKeyboard() }).catch(() => undefined);
  await ctx.reply(text);
});
