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
  "sessions",
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

/**
 * The button beside the message field opens the bot's store when there is one; otherwise the
 * command list, so a store that went away leaves no dead button behind.
 */
export async function publishStoreButton(api: Api, storeUrl: string | undefined): Promise<void> {
  const t = createTranslator(defaultLocale);
  await api.setChatMenuButton({
    menu_button: storeUrl
      ? { type: "web_app", text: t("menu-store"), web_app: { url: storeUrl } }
      : { type: "commands" },
  });
}
