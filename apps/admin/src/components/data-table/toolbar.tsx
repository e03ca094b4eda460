import { Button, buttonVariants } from "@lumen/ui/components/button";
import { Input } from "@lumen/ui/components/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@lumen/ui/components/select";
import { cn } from "@lumen/ui/lib/utils";
import { DownloadIcon, SearchIcon, XIcon } from "lucide-react";
import type * as React from "react";
import { useEffect, useState } from "react";
import { apiUrl } from "../../lib/api.ts";
import { useT } from "../../lib/i18n.ts";
import { type TableSearch, type TableUrlState, toApiQuery } from "./use-table-url-state.ts";

export type FilterOption = { value: string; label: string };
export type FilterDef<S> = { key: keyof S & string; label: string; options: FilterOption[] };

const ALL = "__all__";

/**
 * Search box, filter selects and the CSV export link, all bound to the URL. Filters change the
 * page at once; the search box waits for a pause in typing.
 */
export function DataTableToolbar<S extends TableSearch>({
  state,
  searchPlaceholder,
  filters = [],
  exportPath,
  children,
}: {
  state: TableUrlState<S>;
  /** Shows the search box (bound to `q`) when given. */
  searchPlaceholder?: string;
  filters?: FilterDef<S>[];
  /** The server's CSV URL (e.g. `/api/v1/orders/export.csv`); the current filters are appended. */
  exportPath?: string;
  children?: React.ReactNode;
}) {
  const t = useT();
  const exportQuery = { ...toApiQuery(state.search), cursor: undefined, limit: undefined };
  return (
    <div className="flex flex-wrap items-center gap-2 pb-3">
      {searchPlaceholder !== undefined ? (
        <SearchBox
          value={state.search.q ?? ""}
          placeholder={searchPlaceholder || t("table.search")}
          onChange={(q) => state.setFilter("q", (q || undefined) as S["q"])}
        />
      ) : null}
      {filters.map((filter) => {
        const value = state.search[filter.key];
        return (
          <Select
            key={filter.key}
            value={value === undefined ? ALL : String(value)}
            onValueChange={(v) =>
              state.setFilter(filter.key, (v === ALL ? undefined : v) as S[typeof filter.key])
            }
          >
            <SelectTrigger size="sm" aria-label={filter.label} className="min-w-32" data-filter={filter.key}>
              <span className="text-muted-foreground">{filter.label}:</span>
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={ALL}>{t("table.all")}</SelectItem>
              {filter.options.map((o) => (
                <SelectItem key={o.value} value={o.value}>
                  {o.label}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        );
      })}
      {state.hasFilters ? (
        <Button variant="ghost" size="sm" onClick={state.resetFilters}>
          <XIcon /> {t("actions.clear")}
        </Button>
      ) : null}
      <div className="ml-auto flex items-center gap-2">
        {children}
        {exportPath ? (
          <a
            className={cn(buttonVariants({ variant: "outline", size: "sm" }))}
            href={apiUrl(exportPath, exportQuery)}
            download
          >
            <DownloadIcon /> {t("actions.exportCsv")}
          </a>
        ) : null}
      </div>
    </div>
  );
}

function SearchBox({
  value,
  placeholder,
  onChange,
}: {
  value: string;
  placeholder: string;
  onChange: (value: string) => void;
}) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  useEffect(() => {
    if (draft === value) return;
    const timer = setTimeout(() => onChange(draft.trim()), 300);
    return () => clearTimeout(timer);
  }, [draft, value, onChange]);
  return (
    <div className="relative w-full sm:w-64">
      <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
      <Input
        type="search"
        value={draft}
        placeholder={placeholder}
        aria-label={placeholder}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") onChange(draft.trim());
        }}
        className="h-8 pl-8"
      />
    </div>
  );
}
