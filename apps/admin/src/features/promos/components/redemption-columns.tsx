import { Link } from "@tanstack/react-router";
import type { ColumnDef } from "@tanstack/react-table";
import { DateCell, formatDate, formatMoney, StatusBadge } from "../../../components/cells.tsx";
import type { Locale } from "../../../lib/i18n.ts";
import type { PromoRedemptionRow } from "../api/promos-api.ts";
import type { usePromosT } from "../i18n.ts";

type T = ReturnType<typeof usePromosT>;

/** One use of a code: who, when, and the order it priced (none for free days taken without a purchase). */
export function redemptionColumns(t: T, locale: Locale): ColumnDef<PromoRedemptionRow, unknown>[] {
  return [
    {
      id: "created_at",
      header: t("uses.when"),
      meta: { className: "hidden sm:table-cell", headerClassName: "hidden sm:table-cell" },
      cell: ({ row }) => <DateCell value={row.original.created_at} />,
    },
    {
      id: "user",
      header: t("uses.user"),
      cell: ({ row }) => (
        <div className="flex min-w-0 flex-col">
          <Link
            to="/users/$id"
            params={{ id: row.original.user_id }}
            className="truncate font-medium underline-offset-4 hover:underline"
          >
            {row.original.first_name ?? row.original.telegram_id ?? row.original.user_id}
          </Link>
          {row.original.username ? (
            <span className="truncate text-xs text-muted-foreground">@{row.original.username}</span>
          ) : null}
          <span className="text-xs text-muted-foreground sm:hidden">
            {formatDate(row.original.created_at, locale)}
          </span>
        </div>
      ),
    },
    {
      id: "order",
      header: t("uses.order"),
      cell: ({ row }) =>
        row.original.order_id ? (
          <span className="flex flex-wrap items-center gap-2">
            <Link
              to="/orders/$id"
              params={{ id: row.original.order_id }}
              className="font-mono text-xs underline-offset-4 hover:underline"
            >
              {row.original.order_id.slice(0, 8)}
            </Link>
            {row.original.order_status ? (
              <StatusBadge
                label={t(`uses.statuses.${row.original.order_status}`)}
                tone={row.original.order_status === "paid" ? "success" : "secondary"}
              />
            ) : null}
          </span>
        ) : (
          <span className="text-muted-foreground">{t("uses.noOrder")}</span>
        ),
    },
    {
      id: "amount",
      header: t("uses.paid"),
      cell: ({ row }) => {
        const { amount, list_amount, currency } = row.original;
        if (amount === null || currency === null) return <span className="text-muted-foreground">—</span>;
        return (
          <span className="flex flex-col tabular-nums">
            <span>{formatMoney(amount, currency, locale)}</span>
            {list_amount !== null && list_amount !== amount ? (
              <span className="text-xs text-muted-foreground line-through">
                {formatMoney(list_amount, currency, locale)}
              </span>
            ) : null}
          </span>
        );
      },
    },
  ];
}
