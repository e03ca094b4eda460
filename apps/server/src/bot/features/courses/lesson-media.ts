import {
  completeLessonMediaCapture,
  isLumenError,
  type MediaCaptureRefusal,
  openLessonMediaCapture,
} from "@lumen/core";
import type { LessonMediaKind } from "@lumen/db";
import { Composer } from "grammy";
import type { Message } from "grammy/types";
import type { BotContext } from "../../context.ts";

const refusals: Record<MediaCaptureRefusal, string> = {
  unknown: "course-media-unknown",
  expired: "course-media-expired",
  used: "course-media-used",
  wrong_operator: "course-media-wrong-operator",
};

/**
 * Answers `/start media_<token>`: an operator pressed "Send media through the bot" in the lesson
 * editor. The bot asks for the file, or says why the link cannot be used.
 */
export async function openLessonMediaLink(ctx: BotContext, token: string): Promise<void> {
  if (!ctx.from) return;
  try {
    const { lessonTitle } = await openLessonMediaCapture(ctx.services.core, {
      token,
      telegramUserId: ctx.from.id,
      botId: ctx.lumenBot.id,
    });
    await ctx.reply(ctx.t("course-media-send", { lesson: lessonTitle }));
  } catch (error) {
    if (!isLumenError(error) || error.code !== "CONFLICT") throw error;
    const reason = error.details.reason as MediaCaptureRefusal;
    await ctx.reply(ctx.t(refusals[reason] ?? refusals.unknown));
  }
}

/** The file in a message as a lesson would send it: the largest size of a photo. */
export function lessonMediaOf(message: Message): { kind: LessonMediaKind; fileId: string } | undefined {
  const photo = message.photo?.at(-1);
  if (photo) return { kind: "photo", fileId: photo.file_id };
  if (message.video) return { kind: "video", fileId: message.video.file_id };
  if (message.document) return { kind: "document", fileId: message.document.file_id };
  if (message.voice) return { kind: "voice", fileId: message.voice.file_id };
  return undefined;
}

/**
 * An operator's file after they opened a media link becomes the lesson's media. Only files, and
 * only while that person has an open capture in this bot: every other private message (homework,
 * tasks, questions to the assistant) goes on untouched.
 */
export const lessonMediaFeature = new Composer<BotContext>();

lessonMediaFeature
  .chatType("private")
  .on(["message:photo", "message:video", "message:document", "message:voice"], async (ctx, next) => {
    const media = lessonMediaOf(ctx.message);
    if (!media) return next();
    const saved = await completeLessonMediaCapture(ctx.services.core, {
      telegramUserId: ctx.from.id,
      botId: ctx.lumenBot.id,
      ...media,
    });
    if (!saved) return next();
    ctx.log.info({ lessonId: saved.lessonId, kind: media.kind }, "lesson media captured");
    await ctx.reply(
      ctx.t("course-media-saved", {
        kind: ctx.t(`course-media-kind-${media.kind}`),
        lesson: saved.lessonTitle,
      }),
    );
  });
