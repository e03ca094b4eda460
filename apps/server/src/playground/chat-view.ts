import type { playgroundMessage } from "@lumen/contracts";
import type { InlineKeyboardButton, Message } from "grammy/types";
import type { z } from "zod";

type MessageView = z.output<typeof playgroundMessage>;

const buttonOf = (button: InlineKeyboardButton) => ({
  text: button.text,
  callback_data: "callback_data" in button ? button.callback_data : null,
  url: "url" in button ? button.url : "web_app" in button && button.web_app ? button.web_app.url : null,
  web_app: "web_app" in button && button.web_app !== undefined,
});

/** A message of the emulated private chat as the playground page draws it. */
export function toMessageView(
  message: Message,
  botId: number,
  isRefunded: (chargeId: string) => boolean,
): MessageView {
  const text = message.text ?? message.caption ?? "";
  const entities = message.entities ?? message.caption_entities ?? [];
  const keyboard = message.reply_markup?.inline_keyboard ?? [];
  return {
    id: message.message_id,
    from_bot: message.from?.id === botId,
    text,
    entities: entities.map((e) => ({
      type: e.type,
      offset: e.offset,
      length: e.length,
      ...("url" in e && e.url ? { url: e.url } : {}),
    })),
    buttons: keyboard.map((row) => row.map(buttonOf)),
    invoice: message.invoice
      ? {
          title: message.invoice.title,
          description: message.invoice.description,
          currency: message.invoice.currency,
          total_amount: message.invoice.total_amount,
        }
      : null,
    payment: message.successful_payment
      ? {
          currency: message.successful_payment.currency,
          total_amount: message.successful_payment.total_amount,
          refunded: isRefunded(message.successful_payment.telegram_payment_charge_id),
        }
      : null,
    refund: message.refunded_payment
      ? {
          currency: message.refunded_payment.currency,
          total_amount: message.refunded_payment.total_amount,
        }
      : null,
    edited: message.edit_date !== undefined,
    date: new Date(message.date * 1000),
  };
}
