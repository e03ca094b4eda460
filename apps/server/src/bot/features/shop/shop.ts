import {
  checkOrderPayable,
  getProduct,
  isLumenError,
  listOrders,
  type PurchaseInstructions,
  settlePayment,
  settleStarSubscriptionPayment,
  startPurchase,
} from "@lumen/core";
import { Composer, InlineKeyboard } from "grammy";
import { createInvoiceLinkWith } from "../../../payments/invoice-links.ts";
import { type BuyMethod, buyDataPattern } from "../../callback-data.ts";
import type { BotContext } from "../../context.ts";
import { limitPerUser } from "../../middlewares/limit-per-user.ts";
import { renderCatalog } from "./catalog-screen.ts";

export const shopFeature = new Composer<BotContext>();
const privateChats = shopFeature.chatType("private");

privateChats.command("buy", async (ctx) => {
  const screen = await renderCatalog(ctx);
  await ctx.reply(screen.text, { reply_markup: screen.reply_markup });
});

privateChats.command("orders", async (ctx) => {
  if (!ctx.user) return;
  const orders = await listOrders(ctx.services.core.db, { userId: ctx.user.id, limit: 10 });
  const lines = orders.map((o) =>
    ctx.t("orders-line", {
      date: o.createdAt.toISOString().slice(0, 10),
      title: o.title,
      amount: o.amount,
      currency: o.currency,
      status: o.status,
    }),
  );
  await ctx.reply(lines.length ? [ctx.t("orders-title"), ...lines].join("\n") : ctx.t("orders-empty"));
});

privateChats.command("paysupport", (ctx) => ctx.reply(ctx.t("paysupport")));

/** The buyer chose a product and a way to pay: core decides how it is paid, the bot shows it. */
shopFeature.callbackQuery(buyDataPattern, limitPerUser("checkout"), async (ctx) => {
  const [, productId = "", method = "XTR"] = ctx.match;
  const chatId = ctx.chat?.id;
  if (!ctx.user || chatId === undefined) return ctx.answerCallbackQuery();
  const buyMethod = method as BuyMethod;
  const { yookassa, telegramProviderToken: providerToken, mock } = ctx.services.shop;
  let started: PurchaseInstructions;
  try {
    const product = await getProduct(ctx.services.core.db, productId);
    const currency =
      buyMethod === "RUB" || (buyMethod === "MOCK" && !product.prices.some((p) => p.currency === "XTR"))
        ? "RUB"
        : "XTR";
    started = await startPurchase(
      ctx.services.core,
      {
        invoiceLinks: {
          createInvoiceLink: (invoice) => createInvoiceLinkWith(ctx.api, invoice, providerToken),
        },
        yookassa,
        telegramPayments: !!providerToken,
        mockPayments: mock,
      },
      {
        userId: ctx.user.id,
        productId,
        currency,
        provider: buyMethod === "MOCK" ? "mock" : undefined,
        client: "chat",
        botId: ctx.lumenBot.id,
        useClaimedPromo: true,
      },
    );
  } catch (error) {
    if (isLumenError(error) && error.details.field === "provider")
      return ctx.answerCallbackQuery({ text: ctx.t("topup-unavailable"), show_alert: true });
    if (isLumenError(error) && error.details.reason === "newcomers_only")
      return ctx.answerCallbackQuery({ text: ctx.t("shop-newcomers-only"), show_alert: true });
    if (isLumenError(error) && ["CONFLICT", "NOT_FOUND", "VALIDATION_FAILED"].includes(error.code))
      return ctx.answerCallbackQuery({ text: ctx.t("shop-unavailable"), show_alert: true });
    throw error;
  }
  await ctx.answerCallbackQuery();
  const { order } = started;
  switch (started.kind) {
    case "redirect":
    case "invoice_link": {
      const label = ctx.t("shop-pay-link", { amount: (order.amount / 100).toFixed(2) });
      await ctx.reply(ctx.t("shop-pay-link-text", { title: order.title }), {
        reply_markup: new InlineKeyboard().url(label, started.url),
      });
      return;
    }
    case "star_subscription_link":
      await ctx.reply(ctx.t("shop-subscribe-text", { title: order.title }), {
        reply_markup: new InlineKeyboard().url(
          ctx.t("shop-subscribe", { amount: order.amount }),
          started.url,
        ),
      });
      return;
    case "mock":
      await ctx.reply(ctx.t("shop-mock-started"));
      return;
    case "invoice": {
      const { invoice } = started;
      await ctx.api.sendInvoice(
        chatId,
        invoice.title,
        invoice.description || ctx.t("shop-invoice-description", { title: invoice.title }),
        invoice.payload,
        invoice.currency,
        invoice.prices,
        started.order.provider === "telegram" ? { provider_token: providerToken } : {},
      );
    }
  }
});

/** Telegram asks whether the payment may go ahead; it must be answered within 10 seconds. */
shopFeature.on("pre_checkout_query", async (ctx) => {
  const query = ctx.preCheckoutQuery;
  const check = await checkOrderPayable(ctx.services.core, {
    orderId: query.invoice_payload,
    telegramUserId: query.from.id,
    currency: query.currency,
    amount: query.total_amount,
  });
  if (check.ok) await ctx.answerPreCheckoutQuery(true);
  else await ctx.answerPreCheckoutQuery(false, { error_message: ctx.t(`precheckout-${check.reason}`) });
});

/** Money arrived: settle it (exactly once, whatever Telegram repeats); the settlement queues the notices. */
shopFeature.on("message:successful_payment", async (ctx) => {
  const payment = ctx.message.successful_payment;
  const input = {
    provider: payment.currency === "XTR" ? ("stars" as const) : ("telegram" as const),
    providerPaymentId: payment.telegram_payment_charge_id,
    providerChargeId: payment.provider_payment_charge_id || null,
    orderId: payment.invoice_payload,
    amount: payment.total_amount,
    currency: payment.currency,
    eventType: payment.is_recurring ? "successful_payment:recurring" : "successful_payment",
    raw: { ...payment, from: ctx.from?.id },
  };
  const settlement = payment.is_recurring
    ? await settleStarSubscriptionPayment(ctx.services.core, {
        ...input,
        firstRecurring: payment.is_first_recurring === true,
      })
    : await settlePayment(ctx.services.core, input);
  ctx.log.info({ outcome: settlement.outcome, orderId: payment.invoice_payload }, "payment received");
});
