import type { Invoice, LabeledPrice } from "@grammyjs/types";
import { badRequest } from "../api-error.ts";
import { generateInvoiceSlug } from "../ids.ts";
import { readBoolean, readInteger, readJson, readString, requireString } from "../params.ts";
import { readReplyMarkup } from "../reply-markup.ts";
import { type InvoiceRecord, invoiceMessageKey } from "../state/payment-records.ts";
import type { MethodContext, MethodTable } from "./method-context.ts";
import { postBotMessage, resolveSendTarget } from "./outgoing-message.ts";

const SUBSCRIPTION_PERIOD = 2_592_000;

const required = (context: MethodContext, name: string) =>
  requireString(context.params, name, `parameter "${name}" is required`);

function readPrices(context: MethodContext, currency: string): LabeledPrice[] {
  const value = readJson(context.params, "prices", "prices");
  if (value === undefined) throw badRequest('parameter "prices" is required');
  if (!Array.isArray(value)) throw badRequest("can't parse prices JSON object");
  if (value.length === 0) throw badRequest("prices are not specified");
  const prices = value.map((item) => {
    const { label, amount } = (item ?? {}) as { label?: unknown; amount?: unknown };
    const number = typeof amount === "string" ? Number(amount) : amount;
    if (typeof label !== "string" || typeof number !== "number" || !Number.isInteger(number)) {
      throw badRequest("can't parse prices JSON object");
    }
    return { label, amount: number };
  });
  if (currency === "XTR" && prices.length !== 1) throw badRequest("STARS_INVOICE_INVALID");
  return prices;
}

/** The invoice fields shared by sendInvoice and createInvoiceLink, validated like Telegram. */
function readInvoice(context: MethodContext): InvoiceRecord {
  const title = required(context, "title");
  const description = required(context, "description");
  const payload = required(context, "payload");
  const currency = required(context, "currency");
  if (title.length > 32) throw badRequest("INVOICE_TITLE_INVALID");
  if (description.length > 255) throw badRequest("INVOICE_DESCRIPTION_INVALID");
  if (Buffer.byteLength(payload) > 128) throw badRequest("INVOICE_PAYLOAD_INVALID");
  if (!/^[A-Z]{3}$/.test(currency)) throw badRequest("CURRENCY_INVALID");
  const providerToken = readString(context.params, "provider_token") ?? "";
  if (currency === "XTR" ? providerToken !== "" : providerToken === "") {
    throw badRequest("PAYMENT_PROVIDER_INVALID");
  }
  if (currency === "XTR" && (readInteger(context.params, "max_tip_amount") ?? 0) > 0) {
    throw badRequest("STARS_INVOICE_INVALID");
  }
  const prices = readPrices(context, currency);
  const totalAmount = prices.reduce((sum, price) => sum + price.amount, 0);
  if (totalAmount <= 0) throw badRequest("CURRENCY_TOTAL_AMOUNT_INVALID");
  if (currency === "XTR" && totalAmount > 100_000) throw badRequest("CURRENCY_TOTAL_AMOUNT_INVALID");
  return { botId: context.bot.id, title, description, payload, currency, prices, totalAmount, providerToken };
}

export const invoiceMethods: MethodTable = {
  sendInvoice(context) {
    const invoice = readInvoice(context);
    const target = resolveSendTarget(context);
    const markup = readReplyMarkup(context.params, context.world);
    if (markup && !("pay" in (markup.inline_keyboard[0]?.[0] ?? {}))) {
      throw badRequest("first button in the inline keyboard must be a Pay button");
    }
    const content: Invoice = {
      title: invoice.title,
      description: invoice.description,
      start_parameter: readString(context.params, "start_parameter") ?? "",
      currency: invoice.currency,
      total_amount: invoice.totalAmount,
    };
    const message = postBotMessage(
      context,
      target,
      markup ? { invoice: content, reply_markup: markup } : { invoice: content },
    );
    invoice.chatId = target.chat.id;
    invoice.messageId = message.message_id;
    context.world.invoicesByMessage.set(
      invoiceMessageKey(target.chat.id, context.bot.id, message.message_id),
      invoice,
    );
    return message;
  },

  createInvoiceLink(context) {
    const invoice = readInvoice(context);
    const period = readInteger(context.params, "subscription_period");
    if (period !== undefined) {
      if (invoice.currency !== "XTR" || period !== SUBSCRIPTION_PERIOD)
        throw badRequest("SUBSCRIPTION_PERIOD_INVALID");
      if (invoice.totalAmount > 10_000) throw badRequest("SUBSCRIPTION_PRICE_INVALID");
      invoice.subscriptionPeriod = period;
    }
    invoice.link = `https://t.me/$${generateInvoiceSlug()}`;
    context.world.invoicesByLink.set(invoice.link, invoice);
    return invoice.link;
  },

  answerPreCheckoutQuery({ world, bot, params }) {
    const id = requireString(
      params,
      "pre_checkout_query_id",
      "query is too old and response timeout expired or query ID is invalid",
    );
    const ok = readBoolean(params, "ok");
    if (ok === undefined) throw badRequest('parameter "ok" is required');
    const errorMessage = readString(params, "error_message");
    if (!ok && !errorMessage) throw badRequest("error_message is empty");
    const pending = world.pendingPreCheckouts.get(id);
    if (!pending || pending.botId !== bot.id) {
      throw badRequest("query is too old and response timeout expired or query ID is invalid");
    }
    world.pendingPreCheckouts.delete(id);
    pending.settle(ok ? { ok } : { ok, errorMessage: errorMessage ?? "" });
    return true;
  },
};
