import {
  claimSubmission,
  findOperatorByTelegramId,
  findSubmissionByReviewMessage,
  isLumenError,
  reviewSubmission,
} from "@lumen/core";
import { Composer } from "grammy";
import type { BotContext } from "../../context.ts";
import { takePattern } from "./course-callbacks.ts";

/**
 * A reviewer's reply: "redo ..." sends the homework back; a leading grade ("5", "4/5") is the
 * grade; the rest is the feedback.
 */
export function parseReview(text: string): {
  verdict: "accepted" | "redo";
  grade: number | null;
  feedback: string;
} {
  const redo = /^\s*\/?(redo|переделать)\b[\s:,.-]*/i.exec(text);
  if (redo)
    return { verdict: "redo", grade: null, feedback: text.slice(redo[0].length).trim() || text.trim() };
  const graded = /^\s*(\d{1,2})(?:\s*\/\s*\d{1,2})?\b[\s:,.-]*/.exec(text);
  const grade = graded ? Number(graded[1]) : null;
  const feedback = graded ? text.slice(graded[0].length).trim() : text.trim();
  return {
    verdict: "accepted",
    grade: grade && grade >= 1 && grade <= 10 ? grade : null,
    feedback: feedback || text.trim(),
  };
}

/** The reviewer behind this Telegram account, as the actor of the claim or review. */
async function reviewerActor(ctx: BotContext) {
  const operator = ctx.from && (await findOperatorByTelegramId(ctx.services.core, ctx.from.id));
  return operator
    ? { type: "admin" as const, id: operator.id, role: operator.role, email: operator.email }
    : null;
}

/**
 * Why a take or a review was refused, for the reviewers' chat: who holds the homework, or that it
 * is closed; anything else is not a refusal and goes on to the error boundary.
 */
function refusal(ctx: BotContext, error: unknown): string {
  if (!isLumenError(error) || error.code !== "CONFLICT") throw error;
  const reviewer = error.details.reviewer;
  return error.details.status === "in_review" && typeof reviewer === "string"
    ? ctx.t("review-held", { reviewer })
    : ctx.t("review-closed");
}

/**
 * The reviewers' chat: "Take" claims a submission, a reply to the bot's post reviews it. The card
 * follows through the job each claim and review queues (`courses.refresh-review-card`).
 */
export const reviewDeskFeature = new Composer<BotContext>();

reviewDeskFeature.callbackQuery(takePattern, async (ctx) => {
  const actor = await reviewerActor(ctx);
  if (!actor) return ctx.answerCallbackQuery({ text: ctx.t("review-not-linked"), show_alert: true });
  try {
    await claimSubmission(ctx.services.core, actor, { submissionId: ctx.match[1] as string });
  } catch (error) {
    return ctx.answerCallbackQuery({ text: refusal(ctx, error), show_alert: true });
  }
  // The card itself is edited by the job the claim queued, as after a take in the panel.
  await ctx.answerCallbackQuery({ text: ctx.t("review-taken-short") });
});

reviewDeskFeature.chatType(["group", "supergroup"]).on("message:text", async (ctx, next) => {
  const replyTo = ctx.message.reply_to_message;
  if (!replyTo || replyTo.from?.id !== ctx.me.id) return next();
  const view = await findSubmissionByReviewMessage(ctx.services.core.db, {
    chatId: ctx.chat.id,
    messageId: replyTo.message_id,
  });
  if (!view) return next();
  const actor = await reviewerActor(ctx);
  if (!actor) return ctx.reply(ctx.t("review-not-linked"));
  const review = parseReview(ctx.message.text);
  try {
    await reviewSubmission(ctx.services.core, actor, { submissionId: view.submission.id, ...review });
  } catch (error) {
    return ctx.reply(refusal(ctx, error), { reply_parameters: { message_id: ctx.message.message_id } });
  }
  await ctx.reply(review.verdict === "redo" ? ctx.t("review-redo-sent") : ctx.t("review-sent"), {
    reply_parameters: { message_id: ctx.message.message_id },
  });
});
