import { getLocale } from "./i18n.ts";

export type Currency = "XTR" | "RUB";

/** Prices come in minor units: whole Stars for XTR, kopecks for RUB. */
export function formatPrice(currency: Currency, amount: number): string {
  if (currency === "XTR") return `${amount} ⭐`;
  const rubles = amount / 100;
  const text = new Intl.NumberFormat(getLocale(), {
    minimumFractionDigits: amount % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(rubles);
  return `${text} ₽`;
}

export function formatDate(value: string | Date): string {
  return new Intl.DateTimeFormat(getLocale(), { day: "numeric", month: "long", year: "numeric" }).format(
    new Date(value),
  );
}

/** A moment to the minute, in the buyer's language: when a receipt's payment or refund happened. */
export function formatDateTime(value: string | Date): string {
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: "long", timeStyle: "short" }).format(
    new Date(value),
  );
}
