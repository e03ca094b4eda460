import {
  type CoreContext,
  createOrder,
  LumenError,
  listBots,
  startYooKassaCheckout,
  type YooKassaSettings,
} from "@lumen/core";
import type { Currency, OrderRow } from "@lumen/db";
import type { BotApis } from "../bot/bot-apis.ts";

export type StartPurchaseInput = {
  userId: string;
  productId: string;
  currency: Currency;
  provider: "stars" | "yookassa";
  botId?: string | undefined;
  email?: string | undefined;
  promoCode?: string | undefined;
};

export type StartedPurchase = { order: OrderRow; invoiceLink: string | null; confirmationUrl: string | null };

/**
 * A purchase started outside a chat (the Mini App, another client): the order at the catalog
 * price, then where to pay it: a Stars invoice link (Telegram.WebApp.openInvoice) or a YooKassa page.
 */
export async function startPurchase(
  deps: { core: CoreContext; botApis: BotApis; yookassa: YooKassaSettings | undefined },
  input: StartPurchaseInput,
): Promise<StartedPurchase> {
  if (input.provider === "yookassa") {
    if (!deps.yookassa) throw new LumenError("CONFLICT", "YooKassa is not configured", { field: "provider" });
    const order = await createOrder(deps.core, {
      ...input,
      botId: input.botId ?? null,
      promoCode: input.promoCode ?? null,
    });
    const checkout = await startYooKassaCheckout(deps.core, deps.yookassa, {
      orderId: order.id,
      email: input.email ?? null,
    });
    return { order, invoiceLink: null, confirmationUrl: checkout.confirmationUrl };
  }
  const botId = input.botId ?? (await listBots(deps.core)).find((b) => b.enabled)?.id;
  if (!botId)
    throw new LumenError("CONFLICT", "No bot is connected to issue a Stars invoice", { field: "bot_id" });
  const order = await createOrder(deps.core, { ...input, botId, promoCode: input.promoCode ?? null });
  const api = await deps.botApis.apiFor(botId);
  const invoiceLink = await api
    .createInvoiceLink(order.title, order.title, order.id, "", "XTR", [
      { label: order.title, amount: order.amount },
    ])
    .catch((error: unknown) => {
      throw new LumenError(
        "UPSTREAM_FAILED",
        `Telegram did not create the invoice link: ${(error as Error).message}`,
      );
    });
  return { order, invoiceLink, confirmationUrl: null };
}
