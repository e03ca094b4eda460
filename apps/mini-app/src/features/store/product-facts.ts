import { formatPrice } from "../../lib/format.ts";
import { t } from "../../lib/i18n.ts";
import type { StoreProduct } from "./api.ts";

/** One line saying what the product gives: "40 credits", "30-day plan · 2 chats". */
export function productGives(product: StoreProduct): string | null {
  if (product.kind === "credits" && product.credits !== null) {
    return t("catalog.credits", { count: product.credits });
  }
  if (product.kind === "plan" && product.period_days !== null) {
    return product.chat_count > 0
      ? t("catalog.planChats", { days: product.period_days, chats: product.chat_count })
      : t("catalog.plan", { days: product.period_days });
  }
  return null;
}

/** Every price the product has, "20 ⭐ · 199 ₽". */
export function productPrices(product: StoreProduct): string {
  return product.prices.map((p) => formatPrice(p.currency, p.amount)).join(" · ");
}
