import { z } from "zod";

/**
 * Every job that code sends (as opposed to a cron schedule starting it), in one place: its name,
 * the schema of its payload and the key that makes it unique. A job is identified by name and
 * key, so sending the same job twice (a retried settlement, a repeated webhook) queues it once.
 * The server binds one handler to each name (`apps/server/src/jobs/`); nothing else names jobs.
 */
export const jobCatalog = {
  /** The buyer's receipt and the operators' notice after a settlement, a mismatch or a refund. */
  "payments.send-notices": {
    payload: z.object({
      orderId: z.uuid(),
      outcome: z.enum(["settled", "mismatch", "paid_twice", "refunded"]),
      /** What the event is about: the payment (or the provider's payment id when none was stored). */
      ref: z.string().min(1),
    }),
    key: (p: { outcome: string; ref: string }) => `${p.outcome}:${p.ref}`,
  },
  /** Personal invite links to the chats of a plan an order started. */
  "access.issue-chat-invites": {
    payload: z.object({ orderId: z.uuid() }),
    key: (p: { orderId: string }) => p.orderId,
  },
  /**
   * "Your plan ends in N days": queued by the access sweep in the transaction that claims the
   * reminder, once per plan, threshold and end date (a renewal makes new reminders possible).
   */
  "access.send-reminder": {
    payload: z.object({
      subscriptionId: z.uuid(),
      daysBefore: z.number().int().min(0),
      daysLeft: z.number().int().min(1),
      endsAt: z.iso.datetime(),
    }),
    key: (p: { subscriptionId: string; daysBefore: number; endsAt: string }) =>
      `${p.subscriptionId}:${p.daysBefore}:${p.endsAt}`,
  },
  /** "Your plan has ended": queued in the transaction that records the plan's access revoked. */
  "access.send-ended-notice": {
    payload: z.object({ subscriptionId: z.uuid(), endsAt: z.iso.datetime() }),
    key: (p: { subscriptionId: string; endsAt: string }) => `${p.subscriptionId}:${p.endsAt}`,
  },
  /** PAYMENTS_MOCK only: pays an order without money, a few seconds after it was made. */
  "payments.mock-settle": {
    payload: z.object({ orderId: z.uuid() }),
    key: (p: { orderId: string }) => p.orderId,
  },
  /** A YooKassa notification the webhook could not finish inline, finished with retries. */
  "payments.yookassa-sync": {
    payload: z.object({
      paymentId: z.string().min(1),
      eventType: z.string().min(1),
      refundId: z.string().optional(),
    }),
    key: (p: { paymentId: string; eventType: string; refundId?: string | undefined }) =>
      `${p.eventType}:${p.refundId ?? p.paymentId}`,
  },
  /** An operator's message to one user, sent through the bot (the row is claimed before sending). */
  "users.send-message": {
    payload: z.object({ messageId: z.uuid() }),
    key: (p: { messageId: string }) => p.messageId,
  },
  /** A paid course order: the welcome (or upgrade) message, the schedule question and the tariff's chats. */
  "courses.send-onboarding": {
    payload: z.object({ orderId: z.uuid() }),
    key: (p: { orderId: string }) => p.orderId,
  },
  /** A refunded course order: the chats it opened are closed to the student (links revoked, member removed). */
  "courses.end-chat-access": {
    payload: z.object({ orderId: z.uuid() }),
    key: (p: { orderId: string }) => p.orderId,
  },
  /** Homework of a FEEDBACK or PREMIUM student, to the course's reviewers' chat with "Take". */
  "courses.route-submission": {
    payload: z.object({ submissionId: z.uuid() }),
    key: (p: { submissionId: string }) => p.submissionId,
  },
  /**
   * The submission's card in the reviewers' chat edited to its current state ("Taken by X",
   * "Reviewed by X: grade", no "Take"), after a claim or a review made in the chat or the panel.
   * `ref` is the change's time: one job per change, each rendering the state as it is then.
   */
  "courses.refresh-review-card": {
    payload: z.object({ submissionId: z.uuid(), ref: z.string().min(1) }),
    key: (p: { submissionId: string; ref: string }) => `${p.submissionId}:${p.ref}`,
  },
  /** A reviewer's verdict (feedback and grade, or "redo"), to the student; once per review. */
  "courses.send-feedback": {
    payload: z.object({ submissionId: z.uuid(), reviewedAt: z.iso.datetime() }),
    key: (p: { submissionId: string; reviewedAt: string }) => `${p.submissionId}:${p.reviewedAt}`,
  },
  /** The course is completed: the completion message and the certificate PDF, once per enrollment. */
  "courses.send-certificate": {
    payload: z.object({ enrollmentId: z.uuid() }),
    key: (p: { enrollmentId: string }) => p.enrollmentId,
  },
  /** Posts a new task's card with "Take" to its bot's assistants' work chat. */
  "tasks.post-card": {
    payload: z.object({ taskId: z.uuid() }),
    key: (p: { taskId: string }) => p.taskId,
  },
  /** Tells the other side of a task what just happened (a message relayed, taken, done, rated...). */
  "tasks.notify": {
    payload: z.object({
      taskId: z.uuid(),
      event: z.enum(["taken", "message", "waiting", "handed_over", "done", "reopened", "rated", "cancelled"]),
      /** The message id for messages, else the event's time: one job per event. */
      ref: z.string().min(1),
    }),
    key: (p: { taskId: string; event: string; ref: string }) => `${p.taskId}:${p.event}:${p.ref}`,
  },
  /** A deadline reminder or an overdue/untaken alert, claimed by its task_notices row. */
  "tasks.send-notice": {
    payload: z.object({ noticeId: z.uuid() }),
    key: (p: { noticeId: string }) => p.noticeId,
  },
  /**
   * Sends one broadcast for a while (it hands over to a new round before the job's time limit, and
   * after a 429 pause); each round is its own job, so a round queued while one runs is not lost.
   */
  "broadcasts.send": {
    payload: z.object({ broadcastId: z.uuid(), round: z.string().min(1).max(100) }),
    key: (p: { broadcastId: string; round: string }) => `${p.broadcastId}:${p.round}`,
  },
} as const;

export type JobName = keyof typeof jobCatalog;
export type JobPayload<N extends JobName> = z.infer<(typeof jobCatalog)[N]["payload"]>;
export const jobNames = Object.keys(jobCatalog) as JobName[];

/** Parses a payload of a named job (what a handler receives is checked like any other input). */
export function parseJobPayload<N extends JobName>(name: N, data: unknown): JobPayload<N> {
  return jobCatalog[name].payload.parse(data) as JobPayload<N>;
}
