import { useSyncExternalStore } from "react";
import en from "../locales/en.ts";
import ru from "../locales/ru.ts";

/**
 * English and Russian: the buyer's own choice (made in the account tab or the bot's /language,
 * remembered on the device) wins, else the Telegram user's `language_code`. Keys are typed from
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

const listeners = new Set<() => void>();
/** Whose choice is remembered: one Telegram user, or the one buyer signed in to the installed app. */
let choiceKey = "lumen.locale";

/** Sets whose language choice the device remembers (a phone can be shared by two Telegram accounts). */
export function rememberChoicesOf(owner: string): void {
  choiceKey = `lumen.locale.${owner}`;
}

export function setLocale(locale: Locale): void {
  current = locale;
  document.documentElement.lang = locale;
  for (const listener of listeners) listener();
}

/** The language the buyer picked on this device before, if any. */
export function savedLocale(): Locale | null {
  try {
    const saved = localStorage.getItem(choiceKey);
    return saved === "en" || saved === "ru" ? saved : null;
  } catch {
    return null;
  }
}

/** Switches the app and remembers the choice, so the next launch opens in it. */
export function chooseLocale(locale: Locale): void {
  try {
    localStorage.setItem(choiceKey, locale);
  } catch {
    // storage refused (private mode): the choice still holds for this launch
  }
  if (locale !== current) setLocale(locale);
}

/** Re-renders the caller when the language changes (the shell keys its page on it). */
export function useLocale(): Locale {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
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
