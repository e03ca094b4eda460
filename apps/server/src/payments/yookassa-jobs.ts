import {
  type CoreContext,
  parseJobPayload,
  reconcileYooKassaPayments,
  syncYooKassaPayment,
  syncYooKassaRefund,
  type YooKassaSettings,
} from "@lumen/core";
import type { JobDefinition } from "../jobs/job-runner.ts";

/**
 * A webhook that could not be handled at once (YooKassa slow or down) is finished here, with
 * retries. A settlement queues its own notices.
 */
export const yookassaSyncJob = (deps: { core: CoreContext; yookassa: YooKassaSettings }): JobDefinition => ({
  name: "payments.yookassa-sync",
  async handler(data) {
    const { paymentId, eventType, refundId } = parseJobPayload("payments.yookassa-sync", data);
    if (refundId)
      return { refundId, ...(await syncYooKassaRefund(deps.core, deps.yookassa.client, refundId)) };
    const result = await syncYooKassaPayment(deps.core, deps.yookassa.client, {
      providerPaymentId: paymentId,
      eventType,
      raw: { job: true },
    });
    return { paymentId, ...result };
  },
});

/** Every minute: payments still pending after a while are asked about; a lost webhook never loses a payment. */
export const yookassaReconcileJob = (deps: {
  core: CoreContext;
  yookassa: YooKassaSettings;
  afterMinutes: number;
}): JobDefinition => ({
  name: "yookassa-reconcile",
  cron: "* * * * *",
  async handler() {
    return reconcileYooKassaPayments(deps.core, deps.yookassa.client, deps.afterMinutes * 60_000);
  },
});
