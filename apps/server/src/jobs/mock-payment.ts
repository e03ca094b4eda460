import { type CoreContext, getOrder, parseJobPayload, settlePayment } from "@lumen/core";
import type { JobDefinition } from "./job-runner.ts";

/**
 * PAYMENTS_MOCK only: pays an order without money, through the same settlement as real
 * providers (which queues the receipt and notices itself).
 */
export const mockPaymentJob = (deps: { core: CoreContext }): JobDefinition => ({
  name: "payments.mock-settle",
  async handler(data) {
    const { orderId } = parseJobPayload("payments.mock-settle", data);
    const order = await getOrder(deps.core.db, orderId);
    const settlement = await settlePayment(deps.core, {
      provider: "mock",
      providerPaymentId: `mock-${order.id}`,
      orderId: order.id,
      amount: order.amount,
      currency: order.currency,
      eventType: "mock.succeeded",
      raw: { mock: true },
    });
    return { orderId, outcome: settlement.outcome };
  },
});
