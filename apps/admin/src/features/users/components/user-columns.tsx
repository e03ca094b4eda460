import type { ColumnDef } from "@tanstack/react-table";
import { DateCell, StatusBadge } from "../../../components/cells.tsx";
import type { UserListItem } from "../api/users.ts";
import type { useUsersT } from "../i18n.ts";

type T = ReturnType<typeof useUsersT>;

export const displayName = (u: { first_name: string; last_name?: string | null }) =>
  [u.first_name, u.last_name].filter(Boolean).join(" ");

export function userColumns(t: T): ColumnDef<UserListItem, unknown>[] {
  return [
    {
      id: "name",
      header: t("columns.name"),
      meta: { sortField: "name" },
      cell: ({ row }) => (
        <div className="flex min-w-0 flex-col">
          <span className="truncate font-medium">{displayName(row.original)}</span>
          <span className="text-xs text-muted-foreground">
            {row.original.username ? `@${row.original.username}` : row.original.telegram_id}
          </span>
        </div>
      ),
    },
    {
      id: "balance",
      header: t("columns.balance"),
      meta: { sortField: "balance", className: "tabular-nums" },
      cell: ({ row }) => row.original.balance,
    },
    {
      id: "language",
      header: t("columns.language"),
      meta: { className: "hidden sm:table-cell", headerClassName: "hidden sm:table-cell" },
      cell: ({ row }) => row.original.locale ?? row.original.language_code ?? "—",
    },
    {
      id: "status",
      header: t("columns.status"),
      cell: ({ row }) =>
        row.original.is_banned ? <StatusBadge label={t("status.blocked")} tone="destructive" /> : null,
    },
    {
      id: "last_seen",
      header: t("columns.lastSeen"),
      meta: {
        sortField: "last_seen",
        className: "hidden md:table-cell",
        headerClassName: "hidden md:table-cell",
      },
      cell: ({ row }) => <DateCell value={row.original.last_seen_at} />,
    },
    {
      id: "created",
      header: t("columns.created"),
      meta: {
        sortField: "created",
        className: "hidden lg:table-cell",
        headerClassName: "hidden lg:table-cell",
      },
      cell: ({ row }) => <DateCell value={row.original.first_seen_at} />,
    },
  ];
}
