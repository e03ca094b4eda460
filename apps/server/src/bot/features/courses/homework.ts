import { findHomeworkTarget, submitHomework } from "@lumen/core";
import type { SubmissionItem } from "@lumen/db";
import { Composer } from "grammy";
import type { Message } from "grammy/types";
import type { BotContext } from "../../context.ts";
import { upgradeKeyboard } from "./upgrade-keyboard.ts";

/** The answer in a student's message: its text, or its file with the caption. */
export function homeworkItem(message: Message): SubmissionItem | undefined {
  const caption = message.caption ? { text: message.caption } : {};
  if (message.text) return { kind: "text", text: message.text };
  const photo = message.photo?.at(-1);
  if (photo) return { kind: "photo", fileId: photo.file_id, ...caption };
  if (message.document) return { kind: "document", fileId: message.document.file_id, ...caption };
  if (message.voice) return { kind: "voice", fileId: message.voice.file_id, ...caption };
  return undefined;
}

/**
 * A student's reply to a lesson that asks for homework is the homework (text, photo, document,
 * voice; an album's parts join one submission). Any other message goes on to the other features.
 */
export const homeworkFeature = new Composer<BotContext>();

homeworkFeature.chatType("private").on("message", async (ctx, next) => {
  const replyTo = ctx.message.reply_to_message;
  const item = homeworkItem(ctx.message);
  if (!ctx.user || !replyTo || !item || ctx.message.text?.startsWith("/")) return next();
  const target = await findHomeworkTarget(ctx.services.core, {
    userId: ctx.user.id,
    messageId: replyTo.message_id,
  });
  if (!target) return next();
  const { submission, created } = await submitHomework(ctx.services.core, {
    userId: ctx.user.id,
    enrollmentId: target.enrollmentId,
    lessonId: target.lessonId,
    items: [item],
    mediaGroupId: ctx.message.media_group_id ?? null,
  });
  if (!created) return;
  if (submission.status !== "acknowledged") return void (await ctx.reply(ctx.t("course-homework-to-review")));
  // A BASIC answer gets no review: the moment a reviewer's feedback would help, so offer it.
  const upgrades = await upgradeKeyboard(ctx, target.courseCode);
  await ctx.reply(
    upgrades
      ? `${ctx.t("course-homework-received")}\n\n${ctx.t("course-upgrade-for-feedback")}`
      : ctx.t("course-homework-received"),
    upgrades ? { reply_markup: upgrades } : {},
  );
});
