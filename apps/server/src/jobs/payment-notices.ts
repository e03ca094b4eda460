import {
  type BotTextCache,
  type CoreContext,
  createBotTextCache,
  describePurchase,
  getBot,
  type PurchaseView,
  parseJobPayload,
  recordEvents,
} from "@lumen/core";
import { createTranslator, isLocale, type Locale, resolveLocale, type Translate } from "@lumen/locales";
import type { Api } from "grammy";
import type { BotApis } from "../bot/bot-apis.ts";
import type { JobDefinition } from "./job-runner.ts";

function recordPaymentEvent(core: CoreContext, view: PurchaseView, ref: string) {
  const { order } = view;
  return recordEvents(core, [
    {
      type: "payment_succeeded",
      userId: order.userId,
      botId: order.botId,
      productId: order.productId,
      properties: {
        amount: order.amount,
        currency: order.currency,
        provider: order.provider,
        orderId: order.id,
      },
      origin: "server",
      dedupeKey: ref,
      occurredAt: order.paidAt ?? core.clock.now(),
    },
  ]);
}

const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? "";

function buyerLocale(view: PurchaseView): Locale {
  return view.buyer.locale && isLocale(view.buyer.locale)
    ? view.buyer.locale
    : resolveLocale(view.buyer.languageCode);
}

/** The buyer's language, with the edits operators made to the texts of the bot they bought in. */
export async function buyerTranslator(texts: BotTextCache, view: PurchaseView): Promise<Translate> {
  if (!view.order.botId) return createTranslator(buyerLocale(view));
  return (await texts.translatorsFor(view.order.botId))(buyerLocale(view));
}

async function sendReceipt(api: Api, t: Translate, view: PurchaseView, refunded: boolean) {
  const { order, buyer } = view;
  if (refunded)
    return void (await api.sendMessage(buyer.telegramId, t("receipt-refunded", { title: order.title })));
  const details = order.details;
  switch (details.kind) {
    case "credits":
      await api.sendMessage(
        buyer.telegramId,
        t("receipt-credits", { credits: details.credits, balance: view.balance ?? 0 }),
      );
      return;
    case "plan": {
      const until = day(view.subscription?.endsAt ?? null);
      await api.sendMessage(buyer.telegramId, t("receipt-plan", { title: order.title, until }));
      return;
    }
    case "course":
      await api.sendMessage(buyer.telegramId, t("receipt-course", { title: order.title }));
      return;
    case "digital":
      await api.sendMessage(buyer.telegramId, t("receipt-digital", { title: order.title }));
      if (details.text) await api.sendMessage(buyer.telegramId, details.text);
      if (details.fileId) await api.sendDocument(buyer.telegramId, details.fileId);
  }
}

/**
 * After a settlement (or a refund): the buyer's receipt, in their language, through the bot
 * they bought in, and a notice to the operators' chat. Queued by the settlement (or refund)
 * itself, once per event; the invite links of a plan are their own job (issue-chat-invites.ts).
 */
export const paymentNoticesJob = (deps: {
  core: CoreContext;
  botApis: BotApis;
  adminChatId: number | undefined;
  /** PUBLIC_URL: when set, a notice links to the order in the admin panel. */
  publicUrl?: string | undefined;
}): JobDefinition => {
  const texts = createBotTextCache(deps.core);
  return {
    name: "payments.send-notices",
    async handler(data) {
      const { orderId, outcome, ref } = parseJobPayload("payments.send-notices", data);
      const view = await describePurchase(deps.core.db, orderId);
      // Analytics' "paid" step, from the job the settlement queued: once per payment, however often retried.
      if (outcome === "settled") await recordPaymentEvent(deps.core, view, ref);
      if (!view.order.botId) return { orderId, skipped: "order has no bot" };
      const api = await deps.botApis.apiFor(view.order.botId);
      if (outcome === "settled" || outcome === "refunded") {
        await sendReceipt(api, await buyerTranslator(texts, view), view, outcome === "refunded");
      }
      // Each bot's sales go to its own chat when one is set, in the language chosen for it.
      const bot = await getBot(deps.core, view.order.botId);
      const noticeChat = bot.noticeChatId ?? deps.adminChatId;
      if (noticeChat !== undefined && outcome !== "refunded") {
        const t = createTranslator(bot.noticeLocale);
        const { order, buyer } = view;
        const text =
          outcome === "settled"
            ? t("admin-sale", {
                title: order.title,
                amount: order.amount,
                currency: order.currency,
                provider: order.provider,
                buyer: buyer.username ? `@${buyer.username}` : buyer.firstName,
                telegramId: String(buyer.telegramId),
                orderId: order.id,
              })
            : t("admin-mismatch", { orderId: order.id, reason: order.flagReason ?? outcome });
        const link = deps.publicUrl ? `\n${deps.publicUrl.replace(/\/+$/, "")}/admin/orders/${order.id}` : "";
        await api.sendMessage(noticeChat, text + link);
      }
      return { orderId, outcome };
    },
  };
};
