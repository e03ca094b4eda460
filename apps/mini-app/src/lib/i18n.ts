import en from "../locales/en.ts";
import ru from "../locales/ru.ts";

/**
 * English and Russian, chosen once at boot from the Telegram user's `language_code` (the store has
 * no language switch of its own: Telegram's setting is the buyer's choice). Keys are typed from
 * `locales/en.ts`, so a missing Russian string fails tsc.
 */
export type Locale = "en" | "ru";

/** The shape a translation must have: the same keys as English, any strings. */
export type Messages<T> = { readonly [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
type Key<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${Key<T[K]>}` }[keyof T & string];
export type MessageKey = Key<typeof en>;
type Tree = { readonly [key: string]: string | Tree };

const dictionaries: Record<Locale, Tree> = { en, ru };
let current: Locale = "en";

export function localeOf(languageCode: string | undefined): Locale {
  return languageCode?.toLowerCase().startsWith("ru") ? "ru" : "en";
}

export function setLocale(locale: Locale): void {
  current = locale;
  document.documentElement.lang = locale;
}

export function getLocale(): Locale {
  return current;
}

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** The string for `key` in the buyer's language, `{name}` filled from `vars`; English, then the key, as fallbacks. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const text = lookup(dictionaries[current], key) ?? lookup(dictionaries.en, key) ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
