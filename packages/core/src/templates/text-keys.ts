import { type DefaultMessage, defaultMessages, isLocale, type Locale, locales } from "@lumen/locales";
import { validationFailed } from "../shared/errors.ts";

/**
 * The variables the code passes to a message: those its default texts use, in any language
 * (a translation may leave one out, the code still passes it).
 */
export function variablesOf(key: string): string[] {
  const names = locales.flatMap((l) => defaultMessages(l).find((m) => m.key === key)?.variables ?? []);
  return [...new Set(names)];
}

/** The default message an override replaces; an unknown language or key is the caller's mistake. */
export function defaultMessageOf(
  locale: string,
  key: string,
): { locale: Locale; message: DefaultMessage; variables: string[] } {
  if (!isLocale(locale))
    throw validationFailed("locale", `locale: ${locale} is not a language the bot speaks`);
  const message = defaultMessages(locale).find((m) => m.key === key);
  if (!message) throw validationFailed("key", `key: the bot has no text called ${key}`);
  return { locale, message, variables: variablesOf(key) };
}
