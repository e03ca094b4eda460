import type { Message, SuccessfulPayment, User } from "@grammyjs/types";
import { generateChargeId, generateQueryId } from "../ids.ts";
import { privateChatOf } from "../resolve.ts";
import { type InvoiceRecord, invoiceMessageKey, type PaymentRecord } from "../state/payment-records.ts";
import type { PayInvoiceOptions, PayInvoiceResult } from "../types.ts";
import type { BotRecord, World } from "../world.ts";

export type InvoiceRef = string | (Pick<Message, "message_id"> & { chat: { id: number } });

function findInvoice(world: World, bot: BotRecord, ref: InvoiceRef): InvoiceRecord {
  const invoice =
    typeof ref === "string"
      ? world.invoicesByLink.get(ref)
      : world.invoicesByMessage.get(invoiceMessageKey(ref.chat.id, bot.id, ref.message_id));
  if (!invoice) {
    const what = typeof ref === "string" ? `link ${ref}` : `message ${ref.message_id} in chat ${ref.chat.id}`;
    throw new Error(`No invoice of @${bot.username} found for ${what}`);
  }
  return invoice;
}

/**
 * The whole checkout: pre_checkout_query, the bot's answer within the
 * deadline, then successful_payment. A decline or a missed deadline is a
 * normal outcome (ok: false), not an exception.
 */
export async function payInvoice(
  world: World,
  bot: BotRecord,
  user: User,
  ref: InvoiceRef,
  options: PayInvoiceOptions = {},
): Promise<PayInvoiceResult> {
  const invoice = findInvoice(world, bot, ref);
  const answer = await askPreCheckout(world, bot, user, {
    ...invoice,
    totalAmount: options.totalAmount ?? invoice.totalAmount,
  });
  if (!answer.ok) return { ok: false, errorMessage: answer.errorMessage ?? "" };

  const payment: SuccessfulPayment = {
    currency: invoice.currency,
    total_amount: invoice.totalAmount,
    invoice_payload: invoice.payload,
    telegram_payment_charge_id: generateChargeId(invoice.currency),
    provider_payment_charge_id:
      invoice.currency === "XTR" ? `${user.id}_${world.payments.length + 1}` : generateChargeId(""),
  };
  if (invoice.subscriptionPeriod) {
    payment.subscription_expiration_date = world.unixNow() + invoice.subscriptionPeriod;
    payment.is_recurring = true;
    payment.is_first_recurring = true;
  }
  world.payments.push({
    botId: bot.id,
    userId: user.id,
    invoice,
    payment,
    refunded: false,
    subscriptionCanceled: false,
  });
  const message = deliverPaymentMessage(world, bot, user, payment, invoice.chatId);
  for (let i = 0; i < (options.repeatSuccessfulPayment ?? 0); i++) {
    deliverPaymentMessage(world, bot, user, payment, invoice.chatId);
  }
  return { ok: true, payment: structuredClone(payment), message };
}

function askPreCheckout(
  world: World,
  bot: BotRecord,
  user: User,
  invoice: InvoiceRecord,
): Promise<{ ok: boolean; errorMessage?: string }> {
  const id = generateQueryId();
  return new Promise((resolve) => {
    const settle = (answer: { ok: boolean; errorMessage?: string }) => {
      clearTimeout(timer);
      world.closing.signal.removeEventListener("abort", onClose);
      world.pendingPreCheckouts.delete(id);
      resolve(answer);
    };
    const onClose = () =>
      settle({ ok: false, errorMessage: "The emulator was closed before the bot answered" });
    const timer = setTimeout(
      () => settle({ ok: false, errorMessage: "The bot did not answer the pre-checkout query in time" }),
      world.preCheckoutTimeoutMs,
    );
    world.closing.signal.addEventListener("abort", onClose);
    world.pendingPreCheckouts.set(id, { botId: bot.id, userId: user.id, invoice, settle });
    bot.reachableUsers.add(user.id);
    world.deliver(bot, {
      pre_checkout_query: {
        id,
        from: user,
        currency: invoice.currency,
        total_amount: invoice.totalAmount,
        invoice_payload: invoice.payload,
      },
    });
  });
}

/** Sends a successful_payment service message; the same payment may be delivered repeatedly. */
export function deliverPaymentMessage(
  world: World,
  bot: BotRecord,
  user: User,
  payment: SuccessfulPayment,
  chatId?: number,
): Message {
  const chat = chatId !== undefined && chatId < 0 ? world.chats.get(chatId)?.chat : undefined;
  const target = chat ?? privateChatOf(user);
  const message = world.messages.add(target.id, bot.id, false, (messageId) => ({
    message_id: messageId,
    from: user,
    chat: target,
    date: world.unixNow(),
    successful_payment: structuredClone(payment),
  }));
  world.deliver(bot, { message: message as never });
  return structuredClone(message);
}

/**
 * Delivers a successful_payment again (or for the first time, for a payment
 * the test made up); unknown payments are registered so refunds find them.
 */
export function redeliverPayment(
  world: World,
  bot: BotRecord,
  user: User,
  payment: SuccessfulPayment,
): Message {
  const known = world.payments.find(
    (record) =>
      record.botId === bot.id &&
      record.payment.telegram_payment_charge_id === payment.telegram_payment_charge_id,
  );
  if (!known) {
    const invoice: InvoiceRecord = {
      botId: bot.id,
      title: "",
      description: "",
      payload: payment.invoice_payload,
      currency: payment.currency,
      prices: [{ label: "", amount: payment.total_amount }],
      totalAmount: payment.total_amount,
      providerToken: "",
    };
    world.payments.push({
      botId: bot.id,
      userId: user.id,
      invoice,
      payment: structuredClone(payment),
      refunded: false,
      subscriptionCanceled: false,
    });
  }
  return deliverPaymentMessage(world, bot, user, payment, known?.invoice.chatId);
}

/** A renewal charge of a Stars subscription, as Telegram sends each period. */
export function renewSubscription(
  world: World,
  bot: BotRecord,
  user: User,
  chargeId: string,
): SuccessfulPayment {
  const first = world.payments.find(
    (record: PaymentRecord) =>
      record.botId === bot.id &&
      record.userId === user.id &&
      record.payment.telegram_payment_charge_id === chargeId,
  );
  if (!first?.invoice.subscriptionPeriod)
    throw new Error(`No subscription payment ${chargeId} for this bot and user`);
  if (first.subscriptionCanceled)
    throw new Error("The subscription was canceled; Telegram would not renew it");
  const payment: SuccessfulPayment = {
    ...first.payment,
    telegram_payment_charge_id: generateChargeId(first.payment.currency),
    provider_payment_charge_id: `${user.id}_${world.payments.length + 1}`,
    subscription_expiration_date:
      (first.payment.subscription_expiration_date ?? world.unixNow()) + first.invoice.subscriptionPeriod,
    is_recurring: true,
  };
  delete payment.is_first_recurring;
  world.payments.push({ ...first, payment, refunded: false });
  deliverPaymentMessage(world, bot, user, payment);
  return structuredClone(payment);
}
