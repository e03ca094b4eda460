import { t } from "../lib/i18n.ts";

/** Shown when the page is opened without Telegram's launch data (a plain browser tab). */
export function OutsideTelegram() {
  return (
    <main className="safe-area flex flex-col items-center justify-center gap-3 px-8 text-center">
      <div aria-hidden className="text-5xl">
        🛍️
      </div>
      <h1 className="text-xl font-semibold">{t("outside.title")}</h1>
      <p className="max-w-sm text-sm text-muted-foreground">{t("outside.body")}</p>
    </main>
  );
}
