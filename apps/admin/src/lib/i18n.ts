import { useCallback, useSyncExternalStore } from "react";
import commonEn from "../locales/en.ts";
import commonRu from "../locales/ru.ts";

/**
 * English and Russian for the whole panel. The shell's strings live in `src/locales/{en,ru}.ts`
 * (namespace `common`); each feature brings `features/<domain>/locales/{en,ru}.ts`, gathered here by
 * glob under the namespace `<domain>`, so adding a page never edits this file. A feature's `ru.ts`
 * is typed `Messages<typeof en>`, so tsc fails when a Russian key is missing or extra.
 */
export const locales = ["en", "ru"] as const;
export type Locale = (typeof locales)[number];

/** The shape a translation must have: the same keys as English, any strings. */
export type Messages<T> = { readonly [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

/** Every dotted key of a messages object: `"table.empty"`, `"nav"`... */
export type MessageKey<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${MessageKey<T[K]>}`;
}[keyof T & string];

type Tree = { readonly [key: string]: string | Tree };
export type Vars = Record<string, string | number>;

const featureModules = {
  en: import.meta.glob<{ default: Tree }>("../features/*/locales/en.ts", { eager: true }),
  ru: import.meta.glob<{ default: Tree }>("../features/*/locales/ru.ts", { eager: true }),
};

function namespaceOf(path: string): string {
  return path.split("/features/")[1]?.split("/")[0] ?? path;
}

function gather(locale: Locale, common: Tree): Record<string, Tree> {
  const out: Record<string, Tree> = { common };
  for (const [path, mod] of Object.entries(featureModules[locale])) out[namespaceOf(path)] = mod.default;
  return out;
}

export const dictionaries: Record<Locale, Record<string, Tree>> = {
  en: gather("en", commonEn),
  ru: gather("ru", commonRu),
};

function lookup(tree: Tree | undefined, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

function interpolate(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** `namespace.key` in the given locale, falling back to English, then to the key itself (never blank). */
export function translate(locale: Locale, fullKey: string, vars?: Vars): string {
  const dot = fullKey.indexOf(".");
  const ns = fullKey.slice(0, dot);
  const key = fullKey.slice(dot + 1);
  const text = lookup(dictionaries[locale][ns], key) ?? lookup(dictionaries.en[ns], key) ?? fullKey;
  return interpolate(text, vars);
}

// ---- the operator's language: remembered in localStorage, else the browser's ----

const STORAGE_KEY = "lumen.locale";
const listeners = new Set<() => void>();

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === "en" || saved === "ru") return saved;
  } catch {
    // storage can be disabled; the browser's language still applies
  }
  const preferred = typeof navigator === "undefined" ? [] : (navigator.languages ?? [navigator.language]);
  return preferred.some((l) => l?.toLowerCase().startsWith("ru")) ? "ru" : "en";
}

let current: Locale = initialLocale();
if (typeof document !== "undefined") document.documentElement.lang = current;

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  current = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // not remembered, still switched
  }
  document.documentElement.lang = locale;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLocale(): Locale {
  return useSyncExternalStore(subscribe, getLocale, getLocale);
}

/** A feature's typed translator: `const t = useFeatureT<typeof en>("audit"); t("title")`. */
export function useFeatureT<T>(namespace: string): (key: MessageKey<T>, vars?: Vars) => string {
  const locale = useLocale();
  return useCallback(
    (key: MessageKey<T>, vars?: Vars) => translate(locale, `${namespace}.${key}`, vars),
    [locale, namespace],
  );
}

/** The shell's translator (keys from `src/locales/en.ts`). */
export function useT(): (key: MessageKey<typeof commonEn>, vars?: Vars) => string {
  return useFeatureT<typeof commonEn>("common");
}
