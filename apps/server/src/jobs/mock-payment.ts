import { type CoreContext, getOrder, settlePayment } from "@lumen/core";
import { z } from "zod";
import { MOCK_PAYMENT_JOB, PAYMENT_NOTICES_JOB } from "../bot/features/shop/shop.ts";
import type { EnqueueJob, JobDefinition } from "./job-runner.ts";

/** PAYMENTS_MOCK only: pays an order without money, through the same settlement as real providers. */
export const mockPaymentJob = (deps: { core: CoreContext; enqueue: EnqueueJob }): JobDefinition => ({
  name: MOCK_PAYMENT_JOB,
  async handler(data) {
    const { orderId } = z.object({ orderId: z.uuid() }).parse(data);
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
    if (settlement.outcome === "settled") {
      await deps.enqueue(
        PAYMENT_NOTICES_JOB,
        { orderId, outcome: "settled" },
        { singletonKey: `settled:mock-${order.id}` },
      );
    }
    return { orderId, outcome: settlement.outcome };
  },
});
