import { Button } from "@lumen/ui/components/button";
import type { ColumnDef } from "@tanstack/react-table";
import { DateCell, formatMoney } from "../../../components/cells.tsx";
import type { Locale } from "../../../lib/i18n.ts";
import type { Partner } from "../api/partners-api.ts";
import type { usePartnersT } from "../i18n.ts";

type T = ReturnType<typeof usePartnersT>;

/** Money per currency, one line each: rubles and Stars never add up. */
function MoneyLines({
  partner,
  field,
  locale,
}: {
  partner: Partner;
  field: "revenue" | "held" | "due";
  locale: Locale;
}) {
  if (partner.money.length === 0) return <span className="text-muted-foreground">—</span>;
  return (
    <span className="flex flex-col tabular-nums">
      {partner.money.map((m) => (
        <span key={m.currency}>{formatMoney(m[field], m.currency, locale)}</span>
      ))}
    </span>
  );
}

export function partnerColumns(
  t: T,
  locale: Locale,
  options: { canPay: boolean; onPayout: (p: Partner) => void },
): ColumnDef<Partner, unknown>[] {
  return [
    {
      id: "partner",
      header: t("columns.partner"),
      cell: ({ row }) => (
        <div className="flex flex-col">
          <span className="font-medium">{row.original.first_name}</span>
          <span className="text-xs text-muted-foreground">
            {row.original.username ? `@${row.original.username}` : row.original.telegram_id}
          </span>
        </div>
      ),
    },
    {
      id: "code",
      meta: { className: "hidden md:table-cell", headerClassName: "hidden md:table-cell" },
      header: t("columns.code"),
      cell: ({ row }) => <span className="font-mono">{row.original.code}</span>,
    },
    {
      id: "clicks",
      header: t("columns.clicks"),
      meta: {
        sortField: "clicks",
        className: "hidden md:table-cell",
        headerClassName: "hidden md:table-cell",
      },
      cell: ({ row }) => row.original.clicks,
    },
    {
      id: "signups",
      header: t("columns.signups"),
      meta: {
        sortField: "signups",
        className: "hidden md:table-cell",
        headerClassName: "hidden md:table-cell",
      },
      cell: ({ row }) => row.original.signups,
    },
    {
      id: "paying",
      header: t("columns.paying"),
      meta: { className: "hidden md:table-cell", headerClassName: "hidden md:table-cell" },
      cell: ({ row }) => row.original.paying_users,
    },
    {
      id: "revenue",
      meta: { className: "hidden sm:table-cell", headerClassName: "hidden sm:table-cell" },
      header: t("columns.revenue"),
      cell: ({ row }) => <MoneyLines partner={row.original} field="revenue" locale={locale} />,
    },
    {
      id: "held",
      meta: { className: "hidden sm:table-cell", headerClassName: "hidden sm:table-cell" },
      header: t("columns.held"),
      cell: ({ row }) => <MoneyLines partner={row.original} field="held" locale={locale} />,
    },
    {
      id: "due",
      header: t("columns.due"),
      cell: ({ row }) => (
        <span data-testid={`partner-due-${row.original.code}`}>
          <MoneyLines partner={row.original} field="due" locale={locale} />
        </span>
      ),
    },
    {
      id: "created_at",
      header: t("columns.since"),
      meta: {
        sortField: "created_at",
        className: "hidden lg:table-cell",
        headerClassName: "hidden lg:table-cell",
      },
      cell: ({ row }) => <DateCell value={row.original.created_at} />,
    },
    {
      id: "actions",
      header: () => <span className="sr-only">{t("columns.actions")}</span>,
      meta: { className: "text-right" },
      cell: ({ row }) =>
        options.canPay ? (
          <Button
            variant="outline"
            size="sm"
            disabled={!row.original.money.some((m) => m.due > 0)}
            onClick={() => options.onPayout(row.original)}
            aria-label={t("payout.actionFor", { name: row.original.first_name })}
          >
            {t("payout.action")}
          </Button>
        ) : null,
    },
  ];
}
