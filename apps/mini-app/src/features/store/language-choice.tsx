import { useMutation } from "@tanstack/react-query";
import { chooseLocale, type Locale, t, useLocale } from "../../lib/i18n.ts";
import { saveLanguage } from "./api.ts";

const names: Record<Locale, string> = { en: "English", ru: "Русский" };
const option = "flex-1 rounded-lg px-3 py-2 text-center text-sm font-medium transition-colors";

/**
 * The buyer's language for the store and the bot alike (the server keeps it, as the bot's
 * /language does); the app switches at once and remembers it on the device.
 */
export function LanguageChoice() {
  const locale = useLocale();
  const save = useMutation({ mutationFn: saveLanguage });
  const pick = (next: Locale) => {
    chooseLocale(next);
    save.mutate(next);
  };
  return (
    <>
      <h2 className="px-1 pt-2 text-xs font-medium uppercase text-section-header">{t("account.language")}</h2>
      <fieldset className="m-0 flex gap-1 rounded-xl border-0 bg-card p-1" aria-label={t("account.language")}>
        {(Object.keys(names) as Locale[]).map((l) => (
          <button
            key={l}
            type="button"
            aria-pressed={l === locale}
            lang={l}
            className={
              l === locale
                ? `${option} bg-primary text-primary-foreground`
                : `${option} text-muted-foreground`
            }
            onClick={() => pick(l)}
          >
            {names[l]}
          </button>
        ))}
      </fieldset>
    </>
  );
}
