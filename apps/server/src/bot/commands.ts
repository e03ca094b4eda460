import type { BotFeature } from "@lumen/db";
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

/** Commands a bot has only with a feature on. */
const featureCommands: Partial<Record<BotFeature, readonly string[]>> = {
  courses: ["lessons", "course"],
  tasks: ["task", "tasks"],
};

/** The command menu in every language; Telegram shows the one matching the user's app. */
export async function publishCommands(api: Api, features: readonly BotFeature[] = []): Promise<void> {
  const all = [...commands, ...features.flatMap((feature) => featureCommands[feature] ?? [])];
  for (const locale of locales) {
    const t = createTranslator(locale);
    const list = all.map((command) => ({ command, description: t(`command-${command}`) }));
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
