import type { SubmissionView } from "@lumen/core";
import type { Translate } from "@lumen/locales";
import { InlineKeyboard } from "grammy";
import { takeData } from "./course-callbacks.ts";

const studentName = (view: SubmissionView) =>
  [view.student.firstName, view.student.lastName].filter(Boolean).join(" ") +
  (view.student.username ? ` (@${view.student.username})` : "");

/** Where the homework stands, under the card: who holds it, or who reviewed it and how. */
function statusLine(t: Translate, view: SubmissionView): string | undefined {
  const { submission } = view;
  const reviewer = view.reviewerEmail ?? "—";
  if (submission.status === "in_review") return t("review-taken", { reviewer });
  if (submission.status === "redo") return t("review-sent-back", { reviewer });
  if (submission.status === "accepted")
    return submission.grade === null
      ? t("review-reviewed-ungraded", { reviewer })
      : t("review-reviewed", { reviewer, grade: submission.grade });
  return undefined;
}

/**
 * A submission's card in the reviewers' chat, from its state alone: the student, lesson and
 * tariff, the answer's text, then "Take" while it waits, or who took or reviewed it. Posting
 * and every later edit render through here, so a repeat renders the same card.
 */
export function renderReviewCard(t: Translate, view: SubmissionView) {
  const { submission, course } = view;
  const texts = submission.items.flatMap((item) => (item.kind === "text" && item.text ? [item.text] : []));
  const status = statusLine(t, view);
  const header = t("review-header", {
    course: course.title,
    day: view.lesson.position,
    lesson: view.lesson.title,
    student: studentName(view),
    tariff: view.enrollment.tariff,
  });
  const text = [header, ...texts, ...(status ? [status] : [])].join("\n\n");
  const reply_markup =
    submission.status === "queued"
      ? new InlineKeyboard().text(t("review-take"), takeData(submission.id))
      : new InlineKeyboard();
  return { text, reply_markup };
}
