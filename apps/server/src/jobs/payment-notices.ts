import { type CoreContext, describePurchase, type PurchaseView } from "@lumen/core";
import { createTranslator, isLocale, type Locale, resolveLocale, type Translate } from "@lumen/locales";
import { type Api, InlineKeyboard } from "grammy";
import { z } from "zod";
import { issueChatInvites } from "../access/issue-chat-invites.ts";
import type { BotApis } from "../bot/bot-apis.ts";
import { PAYMENT_NOTICES_JOB } from "../bot/features/shop/shop.ts";
import type { JobDefinition } from "./job-runner.ts";

const payload = z.object({
  orderId: z.uuid(),
  outcome: z.enum(["settled", "mismatch", "paid_twice", "refunded"]),
});

const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? "";

function buyerLocale(view: PurchaseView): Locale {
  return view.buyer.locale && isLocale(view.buyer.locale)
    ? view.buyer.locale
    : resolveLocale(view.buyer.languageCode);
}

async function sendReceipt(core: CoreContext, api: Api, t: Translate, view: PurchaseView, refunded: boolean) {
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
      const invites =
        view.subscription && view.needsChatInvites
          ? await issueChatInvites(core, api, { subscription: view.subscription, orderId: order.id })
          : [];
      if (invites.length) {
        const keyboard = new InlineKeyboard();
        for (const invite of invites)
          keyboard.url(t("access-join", { title: invite.title }), invite.link).row();
        await api.sendMessage(buyer.telegramId, t("access-links"), { reply_markup: keyboard });
      }
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
 * they bought in, and a notice to the operators' chat. Sent once per event (singleton key).
 */
export const paymentNoticesJob = (deps: {
  core: CoreContext;
  botApis: BotApis;
  adminChatId: number | undefined;
}): JobDefinition => ({
  name: PAYMENT_NOTICES_JOB,
  async handler(data) {
    const { orderId, outcome } = payload.parse(data);
    const view = await describePurchase(deps.core.db, orderId);
    if (!view.order.botId) return { orderId, skipped: "order has no bot" };
    const api = await deps.botApis.apiFor(view.order.botId);
    if (outcome === "settled" || outcome === "refunded") {
      await sendReceipt(deps.core, api, createTranslator(buyerLocale(view)), view, outcome === "refunded");
    }
    if (deps.adminChatId !== undefined && outcome !== "refunded") {
      const t = createTranslator("en");
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
      await api.sendMessage(deps.adminChatId, text);
    }
    return { orderId, outcome };
  },
});
