import { badRequest } from "../api-error.ts";
import { readBoolean, requireInteger, requireString } from "../params.ts";
import { privateChatOf } from "../resolve.ts";
import type { PaymentRecord } from "../state/payment-records.ts";
import type { MethodContext, MethodTable } from "./method-context.ts";

/** Finds the bot's payment by user and charge id; Telegram answers CHARGE_NOT_FOUND for any mismatch. */
function findPayment(context: MethodContext): PaymentRecord {
  const userId = requireInteger(context.params, "user_id", "user_id is empty");
  const chargeId = requireString(
    context.params,
    "telegram_payment_charge_id",
    'parameter "telegram_payment_charge_id" is required',
  );
  const record = context.world.payments.find(
    (payment) =>
      payment.botId === context.bot.id &&
      payment.payment.telegram_payment_charge_id === chargeId &&
      payment.invoice.currency === "XTR",
  );
  if (!record || record.userId !== userId) throw badRequest("CHARGE_NOT_FOUND");
  return record;
}

export const starPaymentMethods: MethodTable = {
  refundStarPayment(context) {
    const record = findPayment(context);
    if (record.refunded) throw badRequest("CHARGE_ALREADY_REFUNDED");
    record.refunded = true;
    const { world, bot } = context;
    const user = world.users.get(record.userId);
    if (user) {
      // Telegram tells the bot about the refund with a refunded_payment service message.
      const chat = privateChatOf(user);
      const message = world.messages.add(chat.id, bot.id, false, (messageId) => ({
        message_id: messageId,
        from: user,
        chat,
        date: world.unixNow(),
        refunded_payment: {
          currency: record.payment.currency,
          total_amount: record.payment.total_amount,
          invoice_payload: record.payment.invoice_payload,
          telegram_payment_charge_id: record.payment.telegram_payment_charge_id,
          provider_payment_charge_id: record.payment.provider_payment_charge_id,
        },
      }));
      world.deliver(bot, { message: message as never });
    }
    return true;
  },

  editUserStarSubscription(context) {
    const record = findPayment(context);
    const canceled = readBoolean(context.params, "is_canceled");
    if (canceled === undefined) throw badRequest('parameter "is_canceled" is required');
    if (!record.payment.is_recurring) throw badRequest("SUBSCRIPTION_ID_INVALID");
    record.subscriptionCanceled = canceled;
    return true;
  },
};
