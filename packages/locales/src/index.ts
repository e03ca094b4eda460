import { readdirSync, readFileSync } from "node:fs";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";

export const locales = ["en", "ru"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

export type TranslateArgs = Record<string, FluentVariable>;
export type Translate = (key: string, args?: TranslateArgs) => string;

// Languages whose speakers usually read Russian better than English.
const russianReaders = new Set(["ru", "be", "kk", "ky", "uz", "tg", "hy", "az"]);

/** Maps a Telegram language_code ("ru", "en-US", "uk") to the locale we answer in. */
export function resolveLocale(languageCode: string | null | undefined): Locale {
  const base = languageCode?.toLowerCase().split("-")[0] ?? "";
  if ((locales as readonly string[]).includes(base)) return base as Locale;
  return russianReaders.has(base) ? "ru" : defaultLocale;
}

export const isLocale = (value: string): value is Locale => (locales as readonly string[]).includes(value);

/**
 * A locale is a folder of Fluent files, one per screen or domain (`locales/en/shop.ftl`), so a new
 * domain adds its own file and the texts editor can group keys by the file they live in.
 */
export function localeSources(locale: Locale): { file: string; source: string }[] {
  const dir = new URL(`../locales/${locale}/`, import.meta.url);
  return readdirSync(dir)
    .filter((name) => name.endsWith(".ftl"))
    .sort()
    .map((name) => ({
      file: name.slice(0, -".ftl".length),
      source: readFileSync(new URL(name, dir), "utf8"),
    }));
}

function loadBundle(locale: Locale): FluentBundle {
  // Unicode isolation marks around arguments confuse Telegram clients; the texts are short enough without them.
  const bundle = new FluentBundle(locale, { useIsolating: false });
  for (const { file, source } of localeSources(locale)) {
    const errors = bundle.addResource(new FluentResource(source));
    if (errors.length)
      throw new Error(`locales/${locale}/${file}.ftl: ${errors.map((e) => e.message).join("; ")}`);
  }
  return bundle;
}

const bundles = new Map<Locale, FluentBundle>(locales.map((locale) => [locale, loadBundle(locale)]));

export function messageKeys(locale: Locale): string[] {
  return localeSources(locale).flatMap(({ source }) =>
    [...source.matchAll(/^([a-z][a-z0-9-]*)\s*=/gm)].map((m) => m[1] as string),
  );
}

/**
 * A translator for one locale. A key missing from the locale falls back to English,
 * and a key missing everywhere is shown as itself, so a typo is visible but never crashes a reply.
 * `overrides` (a bot's edited texts, see overrides.ts) are consulted before the default files.
 */
export function createTranslator(locale: Locale, overrides?: FluentBundle): Translate {
  const chain = [overrides, bundles.get(locale), bundles.get(defaultLocale)];
  return (key, args) => {
    for (const bundle of chain) {
      const message = bundle?.getMessage(key);
      if (message?.value && bundle) return bundle.formatPattern(message.value, args);
    }
    return key;
  };
}

export type { DefaultMessage, OverrideProblem } from "./overrides.ts";
export { checkOverride, compileOverrides, defaultMessages, overrideEntry } from "./overrides.ts";
