import type { InvoiceLinks, InvoiceSpec } from "@lumen/core";
import type { Api } from "grammy";
import type { BotApis } from "../bot/bot-apis.ts";

/** Renders core's invoice as Telegram's createInvoiceLink through a bot's API. */
export function createInvoiceLinkWith(api: Api, invoice: InvoiceSpec, providerToken: string | undefined) {
  return api.createInvoiceLink(
    invoice.title,
    invoice.description || invoice.title,
    invoice.payload,
    invoice.currency === "XTR" ? "" : (providerToken ?? ""),
    invoice.currency,
    invoice.prices,
    invoice.subscriptionPeriod ? { subscription_period: invoice.subscriptionPeriod } : {},
  );
}

/** Core's invoice-link port for clients outside a chat: the link is made by the bot that sells. */
export function createInvoiceLinks(deps: {
  botApis: BotApis;
  providerToken?: string | undefined;
}): InvoiceLinks {
  return {
    async createInvoiceLink(invoice) {
      const api = await deps.botApis.apiFor(invoice.botId);
      return createInvoiceLinkWith(api, invoice, deps.providerToken);
    },
  };
}
