import type { ColumnDef } from "@tanstack/react-table";
import { DateCell, MoneyCell, StatusBadge } from "../../../components/cells.tsx";
import type { OrderListItem } from "../api/orders.ts";
import type { useOrdersT } from "../i18n.ts";

type T = ReturnType<typeof useOrdersT>;

export const statusTone = (status: string) =>
  status === "paid" ? "success" : status === "refunded" ? "destructive" : "secondary";

export function orderColumns(t: T): ColumnDef<OrderListItem, unknown>[] {
  return [
    {
      id: "created",
      header: t("columns.created"),
      meta: { sortField: "created" },
      cell: ({ row }) => <DateCell value={row.original.created_at} />,
    },
    {
      id: "title",
      header: t("columns.title"),
      cell: ({ row }) => (
        <div className="flex min-w-0 flex-col">
          <span className="truncate font-medium">{row.original.title}</span>
          <span className="truncate text-xs text-muted-foreground">
            {row.original.user.username ? `@${row.original.user.username}` : row.original.user.first_name}
          </span>
        </div>
      ),
    },
    {
      id: "amount",
      header: t("columns.amount"),
      meta: { sortField: "amount" },
      cell: ({ row }) => <MoneyCell amount={row.original.amount} currency={row.original.currency} />,
    },
    {
      id: "provider",
      header: t("columns.provider"),
      meta: { className: "hidden sm:table-cell", headerClassName: "hidden sm:table-cell" },
      cell: ({ row }) => row.original.provider,
    },
    {
      id: "status",
      header: t("columns.status"),
      cell: ({ row }) => (
        <span className="flex gap-1">
          <StatusBadge label={t(`statuses.${row.original.status}`)} tone={statusTone(row.original.status)} />
          {row.original.flagged ? <StatusBadge label={t("flagged")} tone="destructive" /> : null}
        </span>
      ),
    },
  ];
}
