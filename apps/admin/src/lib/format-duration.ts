import type { Locale } from "./i18n.ts";

/**
 * 90 s, 45 min, 3.5 h, 2.1 d: a duration at the scale it is read, with the unit written the way
 * the operator's language writes it (Intl's unit names: "мин", "ч", "дн." in Russian).
 */
export function formatDuration(locale: Locale, seconds: number | null): string {
  if (seconds === null) return "—";
  const [value, unit] =
    seconds < 120
      ? [seconds, "second"]
      : seconds < 7200
        ? [Math.round(seconds / 60), "minute"]
        : seconds < 172_800
          ? [Math.round(seconds / 360) / 10, "hour"]
          : [Math.round(seconds / 8640) / 10, "day"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "short" }).format(value);
}
