import { useNavigate } from "@tanstack/react-router";
import { useCallback, useState } from "react";
import { z } from "zod";

/**
 * The list state every table keeps in the URL, so a filtered page can be bookmarked, shared and
 * reloaded: `cursor` (the page), `limit`, `sort` as `field.asc|desc`, `q` (the search box), plus
 * the page's own filters. Extend it in a feature's `search.ts`:
 *   export const ordersSearch = tableSearch.extend({ status: z.enum([...]).optional().catch(undefined) });
 * `.catch()` turns a hand-edited bad URL into defaults instead of an error page.
 */
export const tableSearch = z.object({
  cursor: z.string().optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(200).optional().catch(undefined),
  sort: z
    .string()
    .regex(/^[a-z_]+\.(asc|desc)$/)
    .optional()
    .catch(undefined),
  q: z.string().optional().catch(undefined),
});

export type TableSearch = z.output<typeof tableSearch>;
export type SortState = { field: string; desc: boolean } | null;

export const pageSizes = [25, 50, 100] as const;
export const DEFAULT_LIMIT = 50;

/** Only what the API wants: drops empty values and the UI-only keys. */
export function toApiQuery(
  search: Record<string, unknown>,
): Record<string, string | number | boolean | undefined> {
  const out: Record<string, string | number | boolean | undefined> = {};
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === null || value === "") continue;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
      out[key] = value;
  }
  return out;
}

export type TableUrlState<S extends TableSearch> = {
  search: S;
  limit: number;
  sort: SortState;
  setSort: (sort: SortState) => void;
  /** Sets one filter (undefined clears it) and goes back to the first page. */
  setFilter: <K extends keyof S & string>(key: K, value: S[K] | undefined) => void;
  resetFilters: () => void;
  hasFilters: boolean;
  setLimit: (limit: number) => void;
  next: (cursor: string) => void;
  previous: () => void;
  first: () => void;
  canPrevious: boolean;
  isFirstPage: boolean;
};

const paging = new Set(["cursor", "limit", "sort"]);

/**
 * Binds a validated search object to table actions. Cursor pages go forward through the server's
 * `next_cursor`; "previous" walks back the cursors this visit went through (a reload keeps the page
 * and offers "first page").
 */
export function useTableUrlState<S extends TableSearch>(search: S): TableUrlState<S> {
  const navigate = useNavigate();
  const [trail, setTrail] = useState<(string | undefined)[]>([]);

  const update = useCallback(
    (patch: Record<string, unknown>, options: { replace?: boolean } = {}) => {
      void navigate({
        to: ".",
        search: ((prev: Record<string, unknown>) => {
          const next = { ...prev, ...patch };
          for (const key of Object.keys(next))
            if (next[key] === undefined || next[key] === "") delete next[key];
          return next;
        }) as never,
        replace: options.replace ?? false,
      });
    },
    [navigate],
  );

  const sortMatch = search.sort?.match(/^(.+)\.(asc|desc)$/);
  const sort: SortState = sortMatch ? { field: sortMatch[1] ?? "", desc: sortMatch[2] === "desc" } : null;
  const hasFilters = Object.entries(search).some(([k, v]) => !paging.has(k) && v !== undefined && v !== "");

  return {
    search,
    limit: search.limit ?? DEFAULT_LIMIT,
    sort,
    setSort: (s) => {
      setTrail([]);
      update({ sort: s ? `${s.field}.${s.desc ? "desc" : "asc"}` : undefined, cursor: undefined });
    },
    setFilter: (key, value) => {
      setTrail([]);
      update({ [key]: value, cursor: undefined }, { replace: key === "q" });
    },
    resetFilters: () => {
      setTrail([]);
      const cleared: Record<string, undefined> = {};
      for (const key of Object.keys(search)) if (!paging.has(key)) cleared[key] = undefined;
      update({ ...cleared, cursor: undefined });
    },
    hasFilters,
    setLimit: (limit) => {
      setTrail([]);
      update({ limit: limit === DEFAULT_LIMIT ? undefined : limit, cursor: undefined });
    },
    next: (cursor) => {
      setTrail((t) => [...t, search.cursor]);
      update({ cursor });
    },
    previous: () => {
      const back = trail.at(-1);
      setTrail((t) => t.slice(0, -1));
      update({ cursor: back });
    },
    first: () => {
      setTrail([]);
      update({ cursor: undefined });
    },
    canPrevious: trail.length > 0,
    isFirstPage: !search.cursor,
  };
}
