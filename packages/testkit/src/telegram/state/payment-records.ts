import type { LabeledPrice, SuccessfulPayment } from "@grammyjs/types";

/** An invoice the bot issued, either as a message or as a link. */
export type InvoiceRecord = {
  botId: number;
  title: string;
  description: string;
  payload: string;
  currency: string;
  prices: LabeledPrice[];
  totalAmount: number;
  providerToken: string;
  subscriptionPeriod?: number;
  /** Set for invoices sent as messages. */
  chatId?: number;
  messageId?: number;
  /** Set for invoices created with createInvoiceLink. */
  link?: string;
};

export type PaymentRecord = {
  botId: number;
  userId: number;
  invoice: InvoiceRecord;
  payment: SuccessfulPayment;
  refunded: boolean;
  /** editUserStarSubscription(is_canceled: true) stops renewals. */
  subscriptionCanceled: boolean;
};

export type PendingPreCheckout = {
  botId: number;
  userId: number;
  invoice: InvoiceRecord;
  settle(answer: { ok: boolean; errorMessage?: string }): void;
};

export function invoiceMessageKey(chatId: number, botId: number, messageId: number): string {
  return `${chatId}:${botId}:${messageId}`;
}
