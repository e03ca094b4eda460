import { createTranslator, defaultLocale, locales } from "@lumen/locales";
import type { Api } from "grammy";

const commands = [
  "start",
  "new",
  "balance",
  "buy",
  "promo",
  "status",
  "orders",
  "partner",
  "settings",
  "help",
] as const;

/** The command menu in every language; Telegram shows the one matching the user's app. */
export async function publishCommands(api: Api): Promise<void> {
  for (const locale of locales) {
    const t = createTranslator(locale);
    const list = commands.map((command) => ({ command, description: t(`command-${command}`) }));
    await api.setMyCommands(list, locale === defaultLocale ? {} : { language_code: locale });
  }
}
