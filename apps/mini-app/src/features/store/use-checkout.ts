import { useMutation } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { invoice, openLink } from "@tma.js/sdk-react";
import { useState } from "react";
import { ApiError } from "../../lib/api.ts";
import { track } from "../../lib/events.ts";
import type { Currency } from "../../lib/format.ts";
import { t } from "../../lib/i18n.ts";
import { insideTelegram } from "../../lib/telegram.ts";
import { startCheckout } from "./api.ts";

export type CheckoutInput = { productId: string; currency: Currency; promoCode: string };

/**
 * Pay for a product: the server makes the order and says how it is paid; an invoice link opens in
 * Telegram's own payment sheet (`openInvoice`), a payment page (YooKassa) opens in the browser.
 * Either way the buyer lands on the order page, which follows the order until the server has the
 * payment; a cancelled or failed sheet stays here with a notice. Outside Telegram (the installed
 * app) the SDK has no payment sheet: the invoice's t.me link is handed to the browser, which passes
 * it to Telegram, and the order page follows the order as it does for YooKassa.
 */
export function useCheckout() {
  const navigate = useNavigate();
  const [notice, setNotice] = useState<string | null>(null);
  const [promoError, setPromoError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: async ({ productId, currency, promoCode }: CheckoutInput) => {
      setNotice(null);
      setPromoError(null);
      track({ type: "checkout_started", product_id: productId });
      const code = promoCode.trim();
      const started = await startCheckout({
        product_id: productId,
        currency,
        ...(code ? { promo_code: code } : {}),
      });
      const isInvoice = started.kind === "invoice_link" || started.kind === "star_subscription_link";
      if (isInvoice && started.url && insideTelegram()) {
        const status = await invoice.openUrl(started.url);
        return { orderId: started.order.id, status };
      }
      if (started.url && (isInvoice || started.kind === "redirect")) openOutside(started.url);
      return { orderId: started.order.id, status: "pending" as const };
    },
    onSuccess: ({ orderId, status }) => {
      if (status === "cancelled") return setNotice(t("product.cancelled"));
      if (status === "failed") return setNotice(t("product.failed"));
      void navigate({ to: "/orders/$orderId", params: { orderId } });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.field?.includes("promo")) return setPromoError(error.message);
      setNotice(error instanceof ApiError && error.status === 0 ? t("errors.network") : t("product.failed"));
    },
  });
  return { pay: mutation.mutate, paying: mutation.isPending, notice, promoError };
}

/** In Telegram its own browser opens the page; outside, a new tab (or this one if tabs are blocked). */
function openOutside(url: string): void {
  if (insideTelegram()) {
    openLink(url);
    return;
  }
  const opened = window.open(url, "_blank");
  if (opened) opened.opener = null;
  else window.location.assign(url);
}
