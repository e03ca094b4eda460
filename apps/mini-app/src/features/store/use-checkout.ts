import { useMutation } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { invoice, openLink } from "@tma.js/sdk-react";
import { useState } from "react";
import { ApiError } from "../../lib/api.ts";
import type { Currency } from "../../lib/format.ts";
import { t } from "../../lib/i18n.ts";
import { startCheckout } from "./api.ts";

export type CheckoutInput = { productId: string; currency: Currency; promoCode: string };

/**
 * Pay for a product: the server makes the order and says how it is paid; an invoice link opens in
 * Telegram's own payment sheet (`openInvoice`), a payment page (YooKassa) opens in the browser.
 * Either way the buyer lands on the order page, which follows the order until the server has the
 * payment; a cancelled or failed sheet stays here with a notice.
 */
export function useCheckout() {
  const navigate = useNavigate();
  const [notice, setNotice] = useState<string | null>(null);
  const [promoError, setPromoError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: async ({ productId, currency, promoCode }: CheckoutInput) => {
      setNotice(null);
      setPromoError(null);
      const code = promoCode.trim();
      const started = await startCheckout({
        product_id: productId,
        currency,
        ...(code ? { promo_code: code } : {}),
      });
      if ((started.kind === "invoice_link" || started.kind === "star_subscription_link") && started.url) {
        const status = await invoice.openUrl(started.url);
        return { orderId: started.order.id, status };
      }
      if (started.kind === "redirect" && started.url) openLink(started.url);
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
