import { pinnedTextKeys } from "@lumen/contracts";
import { Badge } from "@lumen/ui/components/badge";
import { Input } from "@lumen/ui/components/input";
import { cn } from "@lumen/ui/lib/utils";
import { PinIcon, SearchIcon } from "lucide-react";
import type { BotTextEntry, BotTexts, TextLocale } from "../api/texts-api.ts";
import { useTextsT } from "../i18n.ts";

const currentText = (entry: BotTextEntry, locale: TextLocale) =>
  entry.texts[locale].override ?? entry.texts[locale].default;

function matches(entry: BotTextEntry, locale: TextLocale, q: string) {
  const needle = q.trim().toLowerCase();
  if (!needle) return true;
  return entry.key.includes(needle) || currentText(entry, locale).toLowerCase().includes(needle);
}

/** Every text of the bot: the most edited pinned on top, then screen by screen, filtered by the search. */
export function TextList({
  texts,
  locale,
  q,
  selected,
  onSearch,
  onSelect,
}: {
  texts: BotTexts;
  locale: TextLocale;
  q: string;
  selected: string | undefined;
  onSearch: (q: string) => void;
  onSelect: (key: string) => void;
}) {
  const t = useTextsT();
  const all = texts.screens.flatMap((s) => s.entries);
  const pinned = pinnedTextKeys.flatMap((key) => all.filter((e) => e.key === key && matches(e, locale, q)));
  const screens = texts.screens
    .map((s) => ({ ...s, entries: s.entries.filter((e) => matches(e, locale, q)) }))
    .filter((s) => s.entries.length > 0);
  const screenTitle = (file: string) => {
    const label = t(`screens.${file}` as never);
    return label === `texts.screens.${file}` ? file : label;
  };
  const item = (entry: BotTextEntry) => (
    <li key={entry.key}>
      <button
        type="button"
        onClick={() => onSelect(entry.key)}
        aria-current={selected === entry.key ? "true" : undefined}
        className={cn(
          "w-full rounded-md px-2 py-1.5 text-left hover:bg-accent",
          selected === entry.key && "bg-accent",
        )}
      >
        <span className="flex items-center gap-2">
          <span className="truncate font-mono text-xs text-muted-foreground">{entry.key}</span>
          {entry.texts[locale].override !== null ? (
            <Badge variant="secondary" className="shrink-0">
              {t("edited")}
            </Badge>
          ) : null}
        </span>
        <span className="block truncate text-sm">{currentText(entry, locale)}</span>
      </button>
    </li>
  );

  return (
    <div className="space-y-4">
      <div className="relative">
        <SearchIcon className="absolute top-2.5 left-2.5 size-4 text-muted-foreground" aria-hidden />
        <Input
          type="search"
          value={q}
          onChange={(e) => onSearch(e.target.value)}
          placeholder={t("search")}
          aria-label={t("search")}
          className="pl-8"
        />
      </div>
      {pinned.length > 0 ? (
        <section aria-label={t("pinned")}>
          <h2 className="mb-1 flex items-center gap-1.5 px-2 text-xs font-semibold tracking-wide text-muted-foreground uppercase">
            <PinIcon className="size-3" aria-hidden />
            {t("pinned")}
          </h2>
          <ul>{pinned.map(item)}</ul>
        </section>
      ) : null}
      {screens.map((screen) => (
        <section key={screen.file} aria-label={screenTitle(screen.file)}>
          <h2 className="mb-1 px-2 text-xs font-semibold tracking-wide text-muted-foreground uppercase">
            {screenTitle(screen.file)}
          </h2>
          <ul>{screen.entries.map(item)}</ul>
        </section>
      ))}
      {screens.length === 0 ? (
        <p className="px-2 text-sm text-muted-foreground">{t("nothingFound", { q })}</p>
      ) : null}
    </div>
  );
}
