import type { CourseLessonRow } from "@lumen/db";
import type { Translate } from "@lumen/locales";
import { type Api, InlineKeyboard } from "grammy";
import { lessonDoneData, quizData } from "./course-callbacks.ts";

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The lesson's text as the bot sends it (HTML): heading, the lesson, the homework prompt. */
export function lessonText(t: Translate, lesson: CourseLessonRow, total: number): string {
  const parts = [
    `<b>${escapeHtml(t("course-lesson-heading", { day: lesson.position, total, title: lesson.title }))}</b>`,
    lesson.text,
  ];
  if (lesson.homeworkPrompt) {
    parts.push(escapeHtml(t("course-homework", { prompt: lesson.homeworkPrompt })));
    if (lesson.homeworkRequired) parts.push(escapeHtml(t("course-homework-required")));
    parts.push(`<i>${escapeHtml(t("course-homework-how"))}</i>`);
  }
  return parts.join("\n\n");
}

export type SentLesson = { messageId: number };

/**
 * Sends a lesson: its media first (a file_id or a URL, as Telegram takes either), then the text
 * with "Mark as done", then the quiz with one button per option. Returns the text message,
 * which homework answers reply to.
 */
export async function sendLesson(
  api: Api,
  chatId: number,
  t: Translate,
  input: {
    lesson: CourseLessonRow;
    total: number;
    deliveryId: string;
    quizAnswered?: boolean;
    /** Waits for the sender's turn under Telegram's rates, before each message. */
    pace?: () => Promise<void>;
  },
): Promise<SentLesson> {
  const { lesson } = input;
  const pace = input.pace ?? (async () => {});
  if (lesson.mediaKind && lesson.mediaRef) {
    const send = {
      photo: () => api.sendPhoto(chatId, lesson.mediaRef as string),
      video: () => api.sendVideo(chatId, lesson.mediaRef as string),
      document: () => api.sendDocument(chatId, lesson.mediaRef as string),
      voice: () => api.sendVoice(chatId, lesson.mediaRef as string),
    }[lesson.mediaKind];
    await pace();
    await send();
  }
  const keyboard = new InlineKeyboard().text(t("course-mark-done"), lessonDoneData(input.deliveryId));
  await pace();
  const sent = await api.sendMessage(chatId, lessonText(t, lesson, input.total), {
    parse_mode: "HTML",
    reply_markup: keyboard,
  });
  if (lesson.quiz && !input.quizAnswered) {
    const options = new InlineKeyboard();
    for (const [index, option] of lesson.quiz.options.entries())
      options.text(option, quizData(input.deliveryId, index)).row();
    await pace();
    await api.sendMessage(chatId, t("course-quiz", { question: lesson.quiz.question }), {
      reply_markup: options,
    });
  }
  return { messageId: sent.message_id };
}
