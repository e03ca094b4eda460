import {
  type CoreContext,
  getUser,
  LumenError,
  type ProviderRefund,
  toYooKassaAmount,
  type YooKassaSettings,
} from "@lumen/core";
import { GrammyError } from "grammy";
import type { BotApis } from "../bot/bot-apis.ts";

/** Telegram's answer to refunding a Stars payment twice; the money is back, which is what was asked. */
const isAlreadyRefunded = (error: unknown) =>
  error instanceof GrammyError && /CHARGE_ALREADY_REFUNDED/i.test(error.description);

/**
 * Sends the money back where it came from; each provider has its own way, and each is safe to
 * repeat for the same refund (a retry after a crash): YooKassa by the refund's Idempotence-Key,
 * Telegram by treating "already refunded" as done.
 */
export function createProviderRefund(deps: {
  core: CoreContext;
  botApis: BotApis;
  yookassa: YooKassaSettings | undefined;
}): ProviderRefund {
  return async (order, payment, refund) => {
    switch (payment.provider) {
      case "stars": {
        if (!order.botId) throw new LumenError("CONFLICT", "This Stars order has no bot to refund through");
        const api = await deps.botApis.apiFor(order.botId);
        const buyer = await getUser(deps.core.db, order.userId);
        await api.refundStarPayment(buyer.telegramId, payment.providerPaymentId).catch((error: unknown) => {
          if (isAlreadyRefunded(error)) return true;
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
            idempotenceKey: refund.idempotencyKey,
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
