import {
  type CoreContext,
  reconcileYooKassaPayments,
  syncYooKassaPayment,
  syncYooKassaRefund,
  type YooKassaSettings,
} from "@lumen/core";
import { z } from "zod";
import { PAYMENT_NOTICES_JOB } from "../bot/features/shop/shop.ts";
import type { EnqueueJob, JobDefinition } from "../jobs/job-runner.ts";

export const YOOKASSA_SYNC_JOB = "yookassa-sync";

/** After a sync: the notices of what changed, once per outcome and payment. */
export async function announceSync(
  enqueue: EnqueueJob,
  result: { outcome: string; orderId?: string },
  paymentId: string,
) {
  if (!result.orderId || !["settled", "mismatch", "paid_twice"].includes(result.outcome)) return;
  await enqueue(
    PAYMENT_NOTICES_JOB,
    { orderId: result.orderId, outcome: result.outcome },
    { singletonKey: `${result.outcome}:${paymentId}` },
  );
}

/** A webhook that could not be handled at once (YooKassa slow or down) is finished here, with retries. */
export const yookassaSyncJob = (deps: {
  core: CoreContext;
  yookassa: YooKassaSettings;
  enqueue: EnqueueJob;
}): JobDefinition => ({
  name: YOOKASSA_SYNC_JOB,
  async handler(data) {
    const { paymentId, eventType, refundId } = z
      .object({ paymentId: z.string().min(1), eventType: z.string(), refundId: z.string().optional() })
      .parse(data);
    if (refundId)
      return { refundId, ...(await syncYooKassaRefund(deps.core, deps.yookassa.client, refundId)) };
    const result = await syncYooKassaPayment(deps.core, deps.yookassa.client, {
      providerPaymentId: paymentId,
      eventType,
      raw: { job: true },
    });
    await announceSync(deps.enqueue, result, paymentId);
    return { paymentId, ...result };
  },
});

/** Every minute: payments still pending after a while are asked about; a lost webhook never loses a payment. */
export const yookassaReconcileJob = (deps: {
  core: CoreContext;
  yookassa: YooKassaSettings;
  enqueue: EnqueueJob;
  afterMinutes: number;
}): JobDefinition => ({
  name: "yookassa-reconcile",
  cron: "* * * * *",
  async handler() {
    const result = await reconcileYooKassaPayments(
      deps.core,
      deps.yookassa.client,
      deps.afterMinutes * 60_000,
    );
    for (const orderId of result.settled) {
      await deps.enqueue(
        PAYMENT_NOTICES_JOB,
        { orderId, outcome: "settled" },
        { singletonKey: `settled:reconciled:${orderId}` },
      );
    }
    return result;
  },
});
