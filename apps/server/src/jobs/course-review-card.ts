import { type CoreContext, parseJobPayload, readSubmission, type SubmissionView } from "@lumen/core";
import { GrammyError } from "grammy";
import type { BotApis } from "../bot/bot-apis.ts";
import { renderReviewCard } from "../bot/features/courses/review-card.ts";
import { courseBotId, reviewersTranslator } from "./course-bot.ts";
import type { JobDefinition } from "./job-runner.ts";

type Deps = { core: CoreContext; botApis: BotApis };

const isNotModified = (error: unknown) =>
  error instanceof GrammyError && /message is not modified/.test(error.description);

/**
 * Edits the submission's card in the reviewers' chat to the state it has now. Telegram's "message
 * is not modified" means the card already shows it (a repeat, or the post itself): not a failure.
 */
export async function refreshReviewCard(deps: Deps, view: SubmissionView): Promise<"edited" | "unchanged"> {
  const { submission, course } = view;
  if (submission.reviewChatId === null || submission.reviewMessageId === null) return "unchanged";
  const botId = await courseBotId(deps.core, course, view.student);
  if (!botId) return "unchanged";
  const api = await deps.botApis.apiFor(botId);
  const card = renderReviewCard(reviewersTranslator(course), view);
  try {
    await api.editMessageText(submission.reviewChatId, submission.reviewMessageId, card.text, {
      reply_markup: card.reply_markup,
    });
    return "edited";
  } catch (error) {
    if (isNotModified(error)) return "unchanged";
    throw error;
  }
}

/**
 * A claim or a review, made in the reviewers' chat or in the panel: the card stops offering
 * "Take" and says who has it or how it was reviewed. The one rule for both places.
 */
export const refreshReviewCardJob = (deps: Deps): JobDefinition => ({
  name: "courses.refresh-review-card",
  async handler(data) {
    const { submissionId } = parseJobPayload("courses.refresh-review-card", data);
    const view = await readSubmission(deps.core.db, submissionId);
    if (view.submission.reviewMessageId === null) return { submissionId, skipped: "no card posted" };
    return { submissionId, card: await refreshReviewCard(deps, view) };
  },
});
