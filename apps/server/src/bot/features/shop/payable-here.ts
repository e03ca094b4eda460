import type { Currency } from "@lumen/db";
import type { BotContext } from "../../context.ts";

/** Kopecks as the ruble amount a button shows: "150", or "149.90". */
export const formatRubles = (kopecks: number) =>
  kopecks % 100 === 0 ? String(kopecks / 100) : (kopecks / 100).toFixed(2);

export type PayableAmount =
  | { currency: "XTR"; key: "stars"; amount: number }
  | { currency: "RUB"; key: "rub"; amount: string };

/**
 * A price as this bot can take it, ready for a button: Stars always, RUB only where a RUB
 * provider (YooKassa or Telegram Payments) is set up, shown in rubles; undefined when this bot
 * cannot take it. The catalog's and the course upgrade's buttons ask here, so they cannot differ.
 */
export function payableHere(ctx: BotContext, currency: Currency, amount: number): PayableAmount | undefined {
  if (currency === "XTR") return { currency, key: "stars", amount };
  if (currency === "RUB" && (ctx.services.shop.yookassa || ctx.services.shop.telegramProviderToken))
    return { currency, key: "rub", amount: formatRubles(amount) };
  return undefined;
}
