import { Button } from "@lumen/ui/components/button";
import { Skeleton } from "@lumen/ui/components/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@lumen/ui/components/table";
import { cn } from "@lumen/ui/lib/utils";
import type { UseQueryResult } from "@tanstack/react-query";
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  type RowData,
  useReactTable,
} from "@tanstack/react-table";
import { AlertCircleIcon, ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon, InboxIcon } from "lucide-react";
import { useT } from "../../lib/i18n.ts";
import { DataTablePagination } from "./pagination.tsx";
import type { TableSearch, TableUrlState } from "./use-table-url-state.ts";

declare module "@tanstack/react-table" {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The server's sort field; when set, the header toggles `?sort=<field>.asc|desc`. */
    sortField?: string;
    className?: string;
    headerClassName?: string;
  }
}

export type Page<T> = { items: T[]; next_cursor: string | null };

/**
 * A server-paginated table: columns from the feature, rows and the next cursor from a query,
 * sort and paging from the URL state. Loading, empty (with or without filters) and error states
 * are handled here so every list looks and behaves the same.
 */
export function DataTable<T, S extends TableSearch>({
  columns,
  query,
  state,
  getRowId,
  onRowClick,
  label,
}: {
  columns: ColumnDef<T, unknown>[];
  query: UseQueryResult<Page<T>>;
  state: TableUrlState<S>;
  getRowId?: (row: T) => string;
  onRowClick?: (row: T) => void;
  /** The table's accessible name. */
  label: string;
}) {
  const t = useT();
  const rows = query.data?.items ?? [];
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    ...(getRowId ? { getRowId } : {}),
  });

  return (
    <div className="space-y-3">
      <div className="overflow-hidden rounded-lg border bg-card">
        <Table aria-label={label} aria-busy={query.isFetching}>
          <TableHeader className="bg-muted/40">
            {table.getHeaderGroups().map((group) => (
              <TableRow key={group.id} className="hover:bg-transparent">
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  const field = meta?.sortField;
                  const active = field && state.sort?.field === field ? state.sort : null;
                  const content = header.isPlaceholder
                    ? null
                    : flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <TableHead
                      key={header.id}
                      className={meta?.headerClassName}
                      aria-sort={active ? (active.desc ? "descending" : "ascending") : undefined}
                    >
                      {field ? (
                        <button
                          type="button"
                          className="-ml-1 inline-flex items-center gap-1 rounded px-1 uppercase outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring"
                          onClick={() =>
                            state.setSort(
                              !active ? { field, desc: true } : active.desc ? { field, desc: false } : null,
                            )
                          }
                          title={active?.desc ? t("table.sortAsc") : t("table.sortDesc")}
                        >
                          {content}
                          {active ? (
                            active.desc ? (
                              <ArrowDownIcon className="size-3.5" />
                            ) : (
                              <ArrowUpIcon className="size-3.5" />
                            )
                          ) : (
                            <ArrowUpDownIcon className="size-3.5 opacity-50" />
                          )}
                        </button>
                      ) : (
                        content
                      )}
                    </TableHead>
                  );
                })}
              </TableRow>
            ))}
          </TableHeader>
          <TableBody>
            {query.isPending ? (
              Array.from({ length: 6 }, (_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
                <TableRow key={i} className="hover:bg-transparent">
                  {columns.map((_c, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
                    <TableCell key={j}>
                      <Skeleton className="h-4 w-full max-w-[10rem]" />
                    </TableCell>
                  ))}
                </TableRow>
              ))
            ) : query.isError ? (
              <TableRow className="hover:bg-transparent">
                <TableCell colSpan={columns.length} className="h-40 text-center whitespace-normal">
                  <div className="flex flex-col items-center gap-2 text-sm" role="alert">
                    <AlertCircleIcon className="size-6 text-destructive" aria-hidden />
                    <p className="font-medium">{t("table.error")}</p>
                    <p className="text-muted-foreground">{query.error.message}</p>
                    <Button variant="outline" size="sm" onClick={() => void query.refetch()}>
                      {t("actions.retry")}
                    </Button>
                  </div>
                </TableCell>
              </TableRow>
            ) : rows.length === 0 ? (
              <TableRow className="hover:bg-transparent">
                <TableCell colSpan={columns.length} className="h-40 text-center whitespace-normal">
                  <div className="flex flex-col items-center gap-2 text-sm text-muted-foreground">
                    <InboxIcon className="size-6" aria-hidden />
                    <p>{state.hasFilters ? t("table.emptyFiltered") : t("table.empty")}</p>
                    {state.hasFilters ? (
                      <Button variant="outline" size="sm" onClick={state.resetFilters}>
                        {t("table.resetFilters")}
                      </Button>
                    ) : null}
                  </div>
                </TableCell>
              </TableRow>
            ) : (
              table.getRowModel().rows.map((row) => (
                <TableRow
                  key={row.id}
                  className={cn(onRowClick && "cursor-pointer", query.isPlaceholderData && "opacity-60")}
                  onClick={onRowClick ? () => onRowClick(row.original) : undefined}
                >
                  {row.getVisibleCells().map((cell) => (
                    <TableCell key={cell.id} className={cell.column.columnDef.meta?.className}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </TableCell>
                  ))}
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </div>
      <DataTablePagination
        state={state}
        nextCursor={query.data?.next_cursor ?? null}
        rowCount={rows.length}
      />
    </div>
  );
}
