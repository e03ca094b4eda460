import { Button } from "@lumen/ui/components/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@lumen/ui/components/dropdown-menu";
import { Link } from "@tanstack/react-router";
import type { ColumnDef } from "@tanstack/react-table";
import { MoreHorizontalIcon } from "lucide-react";
import { DateCell, formatMoney, StatusBadge } from "../../../components/cells.tsx";
import type { Locale } from "../../../lib/i18n.ts";
import type { PromoStatsRow } from "../api/promos-api.ts";
import type { usePromosT } from "../i18n.ts";

type T = ReturnType<typeof usePromosT>;

/** What a code gives, in words: "10% off", "+50 credits", "99,00 ₽ off". */
export function describePromo(t: T, p: PromoStatsRow, locale: Locale): string {
  const value =
    p.kind === "fixed_off" && p.currency ? formatMoney(p.value, p.currency, locale) : String(p.value);
  return t(`kinds.${p.kind}`, { value });
}

export function promoColumns(
  t: T,
  locale: Locale,
  options: {
    canEdit: boolean;
    onToggle: (p: PromoStatsRow) => void;
    onEdit: (p: PromoStatsRow) => void;
  },
): ColumnDef<PromoStatsRow, unknown>[] {
  return [
    {
      id: "code",
      header: t("columns.code"),
      cell: ({ row }) => (
        <div className="flex flex-col items-start gap-1">
          <Link
            to="/promos/$id"
            params={{ id: row.original.id }}
            className="font-mono font-medium underline-offset-4 hover:underline"
          >
            {row.original.code}
          </Link>
          {row.original.active ? null : (
            <span className="sm:hidden">
              <StatusBadge label={t("states.false")} tone="secondary" />
            </span>
          )}
        </div>
      ),
    },
    {
      id: "discount",
      meta: { className: "hidden sm:table-cell", headerClassName: "hidden sm:table-cell" },
      header: t("columns.discount"),
      cell: ({ row }) => describePromo(t, row.original, locale),
    },
    {
      id: "uses",
      header: t("columns.uses"),
      cell: ({ row }) => (
        <span className="tabular-nums" data-testid={`promo-uses-${row.original.code}`}>
          {row.original.max_uses === null
            ? row.original.uses
            : t("usesOf", { uses: row.original.uses, max: row.original.max_uses })}
        </span>
      ),
    },
    {
      id: "revenue",
      header: t("columns.revenue"),
      cell: ({ row }) =>
        row.original.revenue.length === 0 ? (
          <span className="text-muted-foreground">{t("noRevenue")}</span>
        ) : (
          <span className="flex flex-col tabular-nums">
            {row.original.revenue.map((r) => (
              <span key={r.currency}>{formatMoney(r.amount, r.currency, locale)}</span>
            ))}
          </span>
        ),
    },
    {
      id: "state",
      meta: { className: "hidden sm:table-cell", headerClassName: "hidden sm:table-cell" },
      header: t("columns.state"),
      cell: ({ row }) => (
        <StatusBadge
          label={t(`states.${row.original.active ? "true" : "false"}`)}
          tone={row.original.active ? "success" : "secondary"}
        />
      ),
    },
    {
      id: "created_at",
      meta: { className: "hidden sm:table-cell", headerClassName: "hidden sm:table-cell" },
      header: t("columns.created"),
      cell: ({ row }) => <DateCell value={row.original.created_at} />,
    },
    {
      id: "actions",
      header: () => <span className="sr-only">{t("columns.actions")}</span>,
      meta: { className: "w-10 text-right" },
      cell: ({ row }) =>
        options.canEdit ? (
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button
                variant="ghost"
                size="icon-sm"
                aria-label={t("actionsFor", { code: row.original.code })}
              >
                <MoreHorizontalIcon />
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end">
              <DropdownMenuItem onSelect={() => options.onEdit(row.original)}>{t("edit")}</DropdownMenuItem>
              <DropdownMenuItem onSelect={() => options.onToggle(row.original)}>
                {row.original.active ? t("toggle.off") : t("toggle.on")}
              </DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
        ) : null,
    },
  ];
}
