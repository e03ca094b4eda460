import {
  type CoreContext,
  LumenError,
  syncYooKassaPayment,
  syncYooKassaRefund,
  type YooKassaSettings,
} from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { EnqueueJob } from "../../jobs/job-runner.ts";

const notification = z.looseObject({
  type: z.literal("notification"),
  event: z.string(),
  object: z.looseObject({ id: z.string().min(1), payment_id: z.string().optional() }),
});

/** How long the webhook may work inline before the rest is left to a job. */
const INLINE_BUDGET_MS = 3000;

export type YooKassaHookDeps = {
  core: CoreContext;
  yookassa: YooKassaSettings;
  enqueue: EnqueueJob;
  isAllowedIp: (ip: string) => boolean;
};

/**
 * YooKassa's notifications: accepted only from its published addresses, then treated as a hint
 * (the payment is re-fetched from the API). Answered 200 quickly; if the API is slow or down the
 * sync continues as a job, which retries.
 */
export const yookassaWebhookRoutes =
  (deps: YooKassaHookDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/api/v1/payments/yookassa/webhook",
      {
        schema: {
          tags: ["payments"],
          summary: "YooKassa notifications (from YooKassa's addresses only)",
          security: [],
          body: notification,
        },
        // Notifications are a few KB; the source is checked before the body is even read.
        bodyLimit: 64 * 1024,
        onRequest: async (request) => {
          if (!deps.isAllowedIp(request.ip)) {
            request.log.warn(
              { ip: request.ip },
              "YooKassa webhook from an address outside the allowed ranges",
            );
            throw new LumenError("FORBIDDEN", "This address may not send YooKassa notifications");
          }
        },
      },
      async (request, reply) => {
        const { event, object } = request.body;
        const isRefund = event.startsWith("refund.");
        const paymentId = isRefund ? (object.payment_id ?? "") : object.id;
        if (!paymentId) return reply.status(200).send({ ok: true });
        const sync = (
          isRefund
            ? syncYooKassaRefund(deps.core, deps.yookassa.client, object.id)
            : syncYooKassaPayment(deps.core, deps.yookassa.client, {
                providerPaymentId: paymentId,
                eventType: event,
                raw: request.body as Record<string, unknown>,
              })
        ).then(() => true);
        const timeout = new Promise<false>((resolve) => setTimeout(resolve, INLINE_BUDGET_MS, false).unref());
        const done = await Promise.race([sync, timeout]).catch((error: unknown) => {
          request.log.warn({ err: error, paymentId }, "YooKassa sync failed inline; retrying as a job");
          return false;
        });
        if (!done)
          await deps.enqueue("payments.yookassa-sync", {
            paymentId,
            eventType: event,
            ...(isRefund ? { refundId: object.id } : {}),
          });
        return reply.status(200).send({ ok: true });
      },
    );
  };
