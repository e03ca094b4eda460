import { type CoreContext, parseJobPayload, readSubmission, recordReviewMessage } from "@lumen/core";
import type { BotApis } from "../bot/bot-apis.ts";
import { renderReviewCard } from "../bot/features/courses/review-card.ts";
import { courseBotId, reviewersTranslator, studentTranslator } from "./course-bot.ts";
import { refreshReviewCard } from "./course-review-card.ts";
import type { JobDefinition } from "./job-runner.ts";

/**
 * Homework of a FEEDBACK or PREMIUM student, posted to the course's reviewers' chat: a header
 * with the student, lesson and tariff, the answer's text, and "Take"; its files follow as
 * replies to the header. A reply to the header is the review. Without a reviewers' chat the
 * submission waits in the panel's queue. A claim made while the card was being posted (its
 * own card job found no card yet) is shown on the card right after.
 */
export const routeSubmissionJob = (deps: { core: CoreContext; botApis: BotApis }): JobDefinition => ({
  name: "courses.route-submission",
  async handler(data) {
    const { submissionId } = parseJobPayload("courses.route-submission", data);
    const view = await readSubmission(deps.core.db, submissionId);
    const { submission, course } = view;
    if (submission.status !== "queued" || submission.reviewMessageId)
      return { submissionId, skipped: "already routed or reviewed" };
    if (!course.reviewersChatId) return { submissionId, skipped: "no reviewers' chat" };
    const botId = await courseBotId(deps.core, course, view.student);
    if (!botId) return { submissionId, skipped: "no bot" };
    const api = await deps.botApis.apiFor(botId);
    const chatId = course.reviewersChatId;
    const card = renderReviewCard(reviewersTranslator(course), view);
    const posted = await api.sendMessage(chatId, card.text, { reply_markup: card.reply_markup });
    await recordReviewMessage(deps.core, { submissionId, chatId, messageId: posted.message_id });
    const reply = { reply_parameters: { message_id: posted.message_id } };
    for (const item of submission.items) {
      if (!item.fileId) continue;
      const caption = item.text ? { caption: item.text } : {};
      if (item.kind === "photo") await api.sendPhoto(chatId, item.fileId, { ...reply, ...caption });
      if (item.kind === "document") await api.sendDocument(chatId, item.fileId, { ...reply, ...caption });
      if (item.kind === "voice") await api.sendVoice(chatId, item.fileId, { ...reply, ...caption });
    }
    const now = await readSubmission(deps.core.db, submissionId);
    if (now.submission.status !== "queued") await refreshReviewCard(deps, now);
    return { submissionId, posted: posted.message_id };
  },
});

/** The reviewer's verdict, to the student through the course's bot. */
export const sendFeedbackJob = (deps: { core: CoreContext; botApis: BotApis }): JobDefinition => ({
  name: "courses.send-feedback",
  async handler(data) {
    const { submissionId } = parseJobPayload("courses.send-feedback", data);
    const view = await readSubmission(deps.core.db, submissionId);
    const { submission, lesson } = view;
    if (submission.status !== "accepted" && submission.status !== "redo")
      return { submissionId, skipped: "not reviewed" };
    const botId = await courseBotId(deps.core, view.course, view.student);
    if (!botId) return { submissionId, skipped: "no bot" };
    const api = await deps.botApis.apiFor(botId);
    const t = studentTranslator(view.student);
    const args = {
      day: lesson.position,
      title: lesson.title,
      feedback: submission.feedback ?? "",
      grade: submission.grade ?? 0,
    };
    await api.sendMessage(
      view.student.telegramId,
      submission.status === "redo" ? t("course-feedback-redo", args) : t("course-feedback", args),
    );
    return { submissionId, verdict: submission.status };
  },
});
