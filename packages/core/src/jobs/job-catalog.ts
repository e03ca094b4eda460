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
} as const;

export type JobName = keyof typeof jobCatalog;
export type JobPayload<N extends JobName> = z.infer<(typeof jobCatalog)[N]["payload"]>;
export const jobNames = Object.keys(jobCatalog) as JobName[];

/** Parses a payload of a named job (what a handler receives is checked like any other input). */
export function parseJobPayload<N extends JobName>(name: N, data: unknown): JobPayload<N> {
  return jobCatalog[name].payload.parse(data) as JobPayload<N>;
}
