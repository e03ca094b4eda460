import {
  type CoreContext,
  getUser,
  LumenError,
  type ProviderRefund,
  toYooKassaAmount,
  type YooKassaSettings,
} from "@lumen/core";
import type { BotApis } from "../bot/bot-apis.ts";

/** Sends the money back where it came from; each provider has its own way. */
export function createProviderRefund(deps: {
  core: CoreContext;
  botApis: BotApis;
  yookassa: YooKassaSettings | undefined;
}): ProviderRefund {
  return async (order, payment) => {
    switch (payment.provider) {
      case "stars": {
        if (!order.botId) throw new LumenError("CONFLICT", "This Stars order has no bot to refund through");
        const api = await deps.botApis.apiFor(order.botId);
        const buyer = await getUser(deps.core.db, order.userId);
        await api.refundStarPayment(buyer.telegramId, payment.providerPaymentId).catch((error: unknown) => {
          throw new LumenError("UPSTREAM_FAILED", `Telegram refused the refund: ${(error as Error).message}`);
        });
        return;
      }
      case "yookassa": {
        if (!deps.yookassa)
          throw new LumenError("CONFLICT", "YooKassa is not configured; refund in its dashboard");
        await deps.yookassa.client
          .createRefund({
            paymentId: payment.providerPaymentId,
            amount: toYooKassaAmount(payment.amount, payment.currency),
            idempotenceKey: `refund-${payment.id}`,
          })
          .catch((error: unknown) => {
            throw new LumenError(
              "UPSTREAM_FAILED",
              `YooKassa refused the refund: ${(error as Error).message}`,
            );
          });
        return;
      }
      case "mock":
        return;
      default:
        throw new LumenError(
          "CONFLICT",
          `Refunds of ${payment.provider} payments are not available here; refund in the provider's dashboard`,
        );
    }
  };
}
