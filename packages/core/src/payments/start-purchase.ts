import type { Currency, OrderRow, PaymentProvider } from "@lumen/db";
import { listBots } from "../bots/list-bots.ts";
import { getProduct } from "../catalog/get-product.ts";
import { queueJob } from "../jobs/outbox.ts";
import { createOrder } from "../orders/create-order.ts";
import type { CoreContext } from "../shared/context.ts";
import { LumenError } from "../shared/errors.ts";
import { startYooKassaCheckout, type YooKassaSettings } from "./yookassa/start-checkout.ts";

/** Telegram allows one Star subscription period: 30 days, in seconds. */
export const STAR_SUBSCRIPTION_PERIOD_S = 2_592_000;
/** A mock payment settles a few seconds after the order, as a real one would. */
const MOCK_DELAY_S = 3;

/** What Telegram needs to show an invoice (sendInvoice) or make an invoice link. */
export type InvoiceSpec = {
  botId: string;
  title: string;
  /** The product's description, up to Telegram's 255 characters; empty when it has none. */
  description: string;
  /** The order id: it comes back in pre_checkout_query and successful_payment. */
  payload: string;
  currency: Currency;
  prices: Array<{ label: string; amount: number }>;
  /** Set for Star subscriptions: Telegram renews them every period. */
  subscriptionPeriod?: number;
};

/** The port to Telegram's invoice links; the server implements it with the bot's API. */
export type InvoiceLinks = { createInvoiceLink(invoice: InvoiceSpec): Promise<string> };

export type PurchaseDeps = {
  invoiceLinks: InvoiceLinks;
  yookassa: YooKassaSettings | undefined;
  /** A Telegram Payments provider token is configured (RUB invoices in Telegram). */
  telegramPayments: boolean;
  mockPayments: boolean;
};

/** Where the purchase starts: in a chat with the bot, or in an app (Mini App, PWA, API client). */
export type PurchaseClient = "chat" | "app";

export type StartPurchaseInput = {
  userId: string;
  productId: string;
  currency: Currency;
  /** Omitted: the installation's way to pay in that currency (`defaultProvider`). */
  provider?: PaymentProvider | undefined;
  client: PurchaseClient;
  /** The bot that sells (for Telegram invoices); default: the first enabled bot. */
  botId?: string | null | undefined;
  promoCode?: string | null | undefined;
  useClaimedPromo?: boolean;
  email?: string | null | undefined;
};

/** What the client shows the buyer; every client only renders this. */
export type PurchaseInstructions = { order: OrderRow } & (
  | { kind: "invoice"; invoice: InvoiceSpec }
  | { kind: "invoice_link"; url: string }
  | { kind: "star_subscription_link"; url: string }
  | { kind: "redirect"; url: string }
  | { kind: "mock"; settlesInSeconds: number }
);

/** How a currency is paid when the buyer does not choose: Stars; rubles on YooKassa's page when it is configured, else through Telegram Payments. */
export function defaultProvider(currency: Currency, deps: PurchaseDeps): PaymentProvider {
  if (currency === "XTR") return "stars";
  return deps.yookassa ? "yookassa" : "telegram";
}

const refuse = (field: string, message: string) => new LumenError("CONFLICT", message, { field });

/**
 * The one place that decides how a product is paid, for the bot, the API and the Mini App: the
 * order at the catalog price (promo applied), then a YooKassa page, a Star subscription link
 * (a 30-day plan in Stars, from every client), an invoice in the chat, or an invoice link
 * outside it. A way to pay this installation does not offer is refused before an order is made.
 */
export async function startPurchase(
  ctx: CoreContext,
  deps: PurchaseDeps,
  purchase: StartPurchaseInput,
): Promise<PurchaseInstructions> {
  const input = { ...purchase, provider: purchase.provider ?? defaultProvider(purchase.currency, deps) };
  if (input.provider === "yookassa" && !deps.yookassa) throw refuse("provider", "YooKassa is not configured");
  if (input.provider === "telegram" && !deps.telegramPayments)
    throw refuse("provider", "Telegram Payments are not configured");
  if (input.provider === "mock" && !deps.mockPayments) throw refuse("provider", "Mock payments are off");
  const viaTelegram = input.provider === "stars" || input.provider === "telegram";
  const botId = viaTelegram
    ? (input.botId ?? (await listBots(ctx)).find((b) => b.enabled)?.id)
    : (input.botId ?? null);
  if (viaTelegram && !botId) throw refuse("bot_id", "No bot is connected to issue a Telegram invoice");
  const product = await getProduct(ctx.db, input.productId);
  const order = await createOrder(ctx, {
    userId: input.userId,
    productId: input.productId,
    currency: input.currency,
    provider: input.provider,
    botId: botId ?? null,
    promoCode: input.promoCode ?? null,
    useClaimedPromo: input.useClaimedPromo ?? false,
  });
  if (input.provider === "yookassa" && deps.yookassa) {
    const checkout = await startYooKassaCheckout(ctx, deps.yookassa, {
      orderId: order.id,
      email: input.email ?? null,
    });
    return { order, kind: "redirect", url: checkout.confirmationUrl };
  }
  if (input.provider === "mock") {
    await queueJob(
      ctx,
      ctx.db,
      "payments.mock-settle",
      { orderId: order.id },
      { startAfterSeconds: MOCK_DELAY_S },
    );
    return { order, kind: "mock", settlesInSeconds: MOCK_DELAY_S };
  }
  const invoice: InvoiceSpec = {
    botId: botId as string,
    title: order.title,
    description: product.description.slice(0, 255),
    payload: order.id,
    currency: order.currency,
    prices: [{ label: order.title, amount: order.amount }],
  };
  const details = order.details;
  if (input.provider === "stars" && details.kind === "plan" && details.periodDays === 30) {
    // Telegram renews 30-day Star subscriptions by itself; only an invoice link can start one.
    const url = await createLink(deps, { ...invoice, subscriptionPeriod: STAR_SUBSCRIPTION_PERIOD_S });
    return { order, kind: "star_subscription_link", url };
  }
  if (input.client === "chat") return { order, kind: "invoice", invoice };
  return { order, kind: "invoice_link", url: await createLink(deps, invoice) };
}

async function createLink(deps: PurchaseDeps, invoice: InvoiceSpec): Promise<string> {
  return deps.invoiceLinks.createInvoiceLink(invoice).catch((error: unknown) => {
    if (error instanceof LumenError) throw error;
    throw new LumenError(
      "UPSTREAM_FAILED",
      `Telegram did not create the invoice link: ${(error as Error).message}`,
    );
  });
}
