import { createTranslator, locales } from "@lumen/locales";
import { InlineKeyboard } from "grammy";
import { languageData, menuData } from "../callback-data.ts";
import type { BotContext } from "../context.ts";

/** Each language is named in itself, so a user who cannot read the current one still finds theirs. */
export function languageKeyboard(ctx: BotContext): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const locale of locales) {
    const mark = locale === ctx.locale ? "✅ " : "";
    keyboard.text(`${mark}${createTranslator(locale)("language-name")}`, languageData(locale));
  }
  return keyboard.row().text(ctx.t("menu-back"), menuData("home"));
}
