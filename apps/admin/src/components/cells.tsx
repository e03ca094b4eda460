import { Badge, type BadgeProps } from "@lumen/ui/components/badge";
import { Tooltip, TooltipContent, TooltipTrigger } from "@lumen/ui/components/tooltip";
import { getLocale, type Locale, translate, useLocale } from "../lib/i18n.ts";

/** The operator's timezone: the browser's (what the operator's clock shows). */
export const operatorTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const intlLocale = (locale: Locale) => (locale === "ru" ? "ru-RU" : "en-GB");

/**
 * Money is integer minor units plus a currency: kopecks for RUB, whole Stars for XTR (Telegram Stars
 * have no fraction and no ISO code, so they are shown as "N Stars", never converted or summed with RUB).
 */
export function formatMoney(amount: number, currency: string, locale: Locale = getLocale()): string {
  if (currency === "XTR") {
    const n = new Intl.NumberFormat(intlLocale(locale)).format(amount);
    return translate(locale, Math.abs(amount) === 1 ? "common.money.star" : "common.money.stars", {
      amount: n,
    });
  }
  const digits = currency === "JPY" ? 0 : 2;
  return new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency }).format(
    amount / 10 ** digits,
  );
}

export function formatDateTime(value: Date | string, locale: Locale = getLocale()): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: operatorTimeZone(),
  }).format(new Date(value));
}

export function formatDate(value: Date | string, locale: Locale = getLocale()): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: "medium",
    timeZone: operatorTimeZone(),
  }).format(new Date(value));
}

export function MoneyCell({ amount, currency }: { amount: number; currency: string }) {
  const locale = useLocale();
  return <span className="tabular-nums">{formatMoney(amount, currency, locale)}</span>;
}

/** A date in the operator's timezone; the exact ISO instant on hover. */
export function DateCell({ value }: { value: Date | string | null | undefined }) {
  const locale = useLocale();
  if (!value) return <span className="text-muted-foreground">—</span>;
  const date = new Date(value);
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <time dateTime={date.toISOString()} className="tabular-nums">
          {formatDateTime(date, locale)}
        </time>
      </TooltipTrigger>
      <TooltipContent>
        {date.toISOString()} · {operatorTimeZone()}
      </TooltipContent>
    </Tooltip>
  );
}

/** A status badge: pass the label (translated) and the tone. */
export function StatusBadge({ label, tone = "secondary" }: { label: string; tone?: BadgeProps["variant"] }) {
  return <Badge variant={tone}>{label}</Badge>;
}

/** Monospace, truncated identifier with the whole value on hover. */
export function IdCell({ value }: { value: string | number | null | undefined }) {
  if (value === null || value === undefined) return <span className="text-muted-foreground">—</span>;
  const text = String(value);
  return (
    <span title={text} className="inline-block max-w-[7rem] truncate align-bottom font-mono text-xs">
      {text}
    </span>
  );
}
