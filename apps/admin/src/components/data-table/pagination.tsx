import { Button } from "@lumen/ui/components/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@lumen/ui/components/select";
import { ChevronLeftIcon, ChevronRightIcon, ChevronsLeftIcon } from "lucide-react";
import { useT } from "../../lib/i18n.ts";
import { pageSizes, type TableSearch, type TableUrlState } from "./use-table-url-state.ts";

/** Cursor paging: first page, previous (the cursors walked this visit), next (the server's next_cursor). */
export function DataTablePagination<S extends TableSearch>({
  state,
  nextCursor,
  rowCount,
}: {
  state: TableUrlState<S>;
  nextCursor: string | null;
  rowCount: number;
}) {
  const t = useT();
  if (state.isFirstPage && !nextCursor && rowCount < 10) return null;
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <div className="flex items-center gap-2 text-muted-foreground">
        <span className="hidden sm:inline">{t("table.rowsPerPage")}</span>
        <Select value={String(state.limit)} onValueChange={(v) => state.setLimit(Number(v))}>
          <SelectTrigger size="sm" className="w-20" aria-label={t("table.rowsPerPage")}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {pageSizes.map((size) => (
              <SelectItem key={size} value={String(size)}>
                {size}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <div className="flex items-center gap-1">
        <Button
          variant="outline"
          size="icon-sm"
          onClick={state.first}
          disabled={state.isFirstPage}
          aria-label={t("table.first")}
          title={t("table.first")}
        >
          <ChevronsLeftIcon />
        </Button>
        <Button variant="outline" size="sm" onClick={state.previous} disabled={!state.canPrevious}>
          <ChevronLeftIcon /> {t("table.previous")}
        </Button>
        <Button
          variant="outline"
          size="sm"
          onClick={() => nextCursor && state.next(nextCursor)}
          disabled={!nextCursor}
        >
          {t("table.next")} <ChevronRightIcon />
        </Button>
      </div>
    </div>
  );
}
