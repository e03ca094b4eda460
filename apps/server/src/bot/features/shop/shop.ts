import {
  checkOrderPayable,
  createOrder,
  getProduct,
  isLumenError,
  listOrders,
  settlePayment,
  settleStarSubscriptionPayment,
  startYooKassaCheckout,
} from "@lumen/core";
import { Composer, InlineKeyboard } from "grammy";
import { type BuyMethod, buyDataPattern } from "../../callback-data.ts";
import type { BotContext } from "../../context.ts";
import { renderCatalog } from "./catalog-screen.ts";

/** Telegram allows one Star subscription period: 30 days, in seconds. */
const STAR_SUBSCRIPTION_PERIOD = 2_592_000;

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

/** The buyer chose a product and a way to pay: an order at the catalog price, then the invoice. */
shopFeature.callbackQuery(buyDataPattern, async (ctx) => {
  const [, productId = "", method = "XTR"] = ctx.match;
  const chatId = ctx.chat?.id;
  if (!ctx.user || chatId === undefined) return ctx.answerCallbackQuery();
  const buyMethod = method as BuyMethod;
  const { yookassa, telegramProviderToken: providerToken, mock } = ctx.services.shop;
  const provider =
    buyMethod === "XTR" ? "stars" : buyMethod === "MOCK" ? "mock" : yookassa ? "yookassa" : "telegram";
  if ((provider === "telegram" && !providerToken) || (provider === "mock" && !mock)) {
    return ctx.answerCallbackQuery({ text: ctx.t("topup-unavailable"), show_alert: true });
  }
  try {
    const product = await getProduct(ctx.services.core.db, productId);
    const currency =
      buyMethod === "RUB" || (buyMethod === "MOCK" && !product.prices.some((p) => p.currency === "XTR"))
        ? "RUB"
        : "XTR";
    const order = await createOrder(ctx.services.core, {
      userId: ctx.user.id,
      productId,
      currency,
      provider,
      botId: ctx.lumenBot.id,
      useClaimedPromo: true,
    });
    await ctx.answerCallbackQuery();
    if (provider === "yookassa" && yookassa) {
      const checkout = await startYooKassaCheckout(ctx.services.core, yookassa, { orderId: order.id });
      const label = ctx.t("shop-pay-link", { amount: (order.amount / 100).toFixed(2) });
      await ctx.reply(ctx.t("shop-pay-link-text", { title: order.title }), {
        reply_markup: new InlineKeyboard().url(label, checkout.confirmationUrl),
      });
      return;
    }
    if (provider === "stars" && product.details.kind === "plan" && product.details.periodDays === 30) {
      // Telegram sells 30-day plans as Star subscriptions, which only invoice links can start.
      const link = await ctx.api.createInvoiceLink(
        order.title,
        order.title,
        order.id,
        "",
        "XTR",
        [{ label: order.title, amount: order.amount }],
        {
          subscription_period: STAR_SUBSCRIPTION_PERIOD,
        },
      );
      await ctx.reply(ctx.t("shop-subscribe-text", { title: order.title }), {
        reply_markup: new InlineKeyboard().url(ctx.t("shop-subscribe", { amount: order.amount }), link),
      });
      return;
    }
    if (provider === "mock") {
      await ctx.services.enqueue("payments.mock-settle", { orderId: order.id }, { startAfterSeconds: 3 });
      await ctx.reply(ctx.t("shop-mock-started"));
      return;
    }
    await ctx.api.sendInvoice(
      chatId,
      order.title,
      product.description || ctx.t("shop-invoice-description", { title: order.title }),
      order.id,
      order.currency,
      [{ label: order.title, amount: order.amount }],
      provider === "telegram" ? { provider_token: providerToken } : {},
    );
  } catch (error) {
    if (isLumenError(error) && ["CONFLICT", "NOT_FOUND", "VALIDATION_FAILED"].includes(error.code)) {
      return ctx.answerCallbackQuery({ text: ctx.t("shop-unavailable"), show_alert: true });
    }
    throw error;
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
