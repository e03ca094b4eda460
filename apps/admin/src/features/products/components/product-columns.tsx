import { Button } from "@lumen/ui/components/button";
import { Switch } from "@lumen/ui/components/switch";
import type { ColumnDef } from "@tanstack/react-table";
import { ArrowDownIcon, ArrowUpIcon } from "lucide-react";
import { formatMoney } from "../../../components/cells.tsx";
import type { Locale } from "../../../lib/i18n.ts";
import type { Product } from "../api/products-api.ts";
import type { useProductsT } from "../i18n.ts";

type T = ReturnType<typeof useProductsT>;

export function productColumns(
  t: T,
  locale: Locale,
  options: {
    canEdit: boolean;
    onMove: (product: Product, step: -1 | 1) => void;
    onToggle: (product: Product) => void;
    onEdit: (product: Product) => void;
  },
): ColumnDef<Product, unknown>[] {
  return [
    {
      id: "order",
      header: t("columns.order"),
      cell: ({ row, table }) =>
        options.canEdit ? (
          <div className="flex gap-1">
            <Button
              variant="ghost"
              size="icon"
              className="size-8"
              disabled={row.index === 0}
              aria-label={t("moveUp", { title: row.original.title })}
              onClick={() => options.onMove(row.original, -1)}
            >
              <ArrowUpIcon aria-hidden />
            </Button>
            <Button
              variant="ghost"
              size="icon"
              className="size-8"
              disabled={row.index === table.getRowCount() - 1}
              aria-label={t("moveDown", { title: row.original.title })}
              onClick={() => options.onMove(row.original, 1)}
            >
              <ArrowDownIcon aria-hidden />
            </Button>
          </div>
        ) : (
          <span className="tabular-nums">{row.original.sort_order}</span>
        ),
    },
    {
      id: "title",
      header: t("columns.title"),
      cell: ({ row }) => (
        <button
          type="button"
          className="text-left font-medium underline-offset-4 hover:underline disabled:no-underline"
          disabled={!options.canEdit}
          onClick={() => options.onEdit(row.original)}
        >
          {row.original.title}
        </button>
      ),
    },
    { id: "kind", header: t("columns.kind"), cell: ({ row }) => t(`kinds.${row.original.kind}`) },
    {
      id: "prices",
      header: t("columns.prices"),
      cell: ({ row }) => (
        <span className="flex flex-col tabular-nums">
          {row.original.prices.map((p) => (
            <span key={p.currency}>{formatMoney(p.amount, p.currency, locale)}</span>
          ))}
        </span>
      ),
    },
    {
      id: "active",
      header: t("columns.active"),
      cell: ({ row }) => (
        <Switch
          checked={row.original.active}
          disabled={!options.canEdit}
          aria-label={t(`states.${row.original.active ? "true" : "false"}`)}
          onCheckedChange={() => options.onToggle(row.original)}
        />
      ),
    },
  ];
}
