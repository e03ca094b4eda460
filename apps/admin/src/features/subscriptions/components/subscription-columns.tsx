import { Button } from "@lumen/ui/components/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@lumen/ui/components/dropdown-menu";
import { Link } from "@tanstack/react-router";
import type { ColumnDef } from "@tanstack/react-table";
import { MoreHorizontalIcon, RepeatIcon } from "lucide-react";
import { formatDate, formatDateTime, StatusBadge } from "../../../components/cells.tsx";
import type { Subscription } from "../api/subscriptions-api.ts";
import type { useSubscriptionsT } from "../i18n.ts";

type T = ReturnType<typeof useSubscriptionsT>;
export type PlanAction = "extend" | "end" | "cancelRenewal";

const DAY = 86_400_000;
/** "Ending soon" is the same week the API's `state=ending` uses by default. */
const ENDING_DAYS = 7;

export const isLive = (s: Subscription, now: number) =>
  (s.status === "active" || s.status === "trial") && s.ends_at.getTime() > now;

export const userName = (s: Subscription) =>
  s.user.username ? `${s.user.first_name} (@${s.user.username})` : s.user.first_name;

/** "in 13 d" for a live plan, "ended" for one that is over. */
function endsText(t: T, s: Subscription, now: number): string {
  if (!isLive(s, now)) return t("endedAgo");
  return t("endsIn", { days: Math.ceil((s.ends_at.getTime() - now) / DAY) });
}

/** The state an operator acts on: a live plan ending within the week is "ending soon". */
function displayStatus(s: Subscription, now: number) {
  if (!isLive(s, now)) return s.status === "cancelled" ? "cancelled" : "expired";
  return s.ends_at.getTime() - now <= ENDING_DAYS * DAY ? "ending" : s.status;
}

const tones = {
  trial: "secondary",
  active: "success",
  ending: "warning",
  past_due: "warning",
  expired: "secondary",
  cancelled: "secondary",
} as const;

export function subscriptionColumns(
  t: T,
  options: { canEdit: boolean; now: number; onAction: (action: PlanAction, s: Subscription) => void },
): ColumnDef<Subscription, unknown>[] {
  const { now } = options;
  return [
    {
      id: "user",
      header: t("columns.user"),
      cell: ({ row }) => (
        <div className="flex min-w-0 flex-col">
          <Link
            to="/users/$id"
            params={{ id: row.original.user_id }}
            className="truncate font-medium underline-offset-4 hover:underline"
          >
            {row.original.user.first_name}
          </Link>
          <span className="truncate text-xs text-muted-foreground">
            {row.original.user.username ? `@${row.original.user.username}` : row.original.user.telegram_id}
          </span>
          <span className="truncate text-xs text-muted-foreground sm:hidden">{row.original.title}</span>
        </div>
      ),
    },
    {
      id: "plan",
      header: t("columns.plan"),
      meta: { className: "hidden sm:table-cell", headerClassName: "hidden sm:table-cell" },
      cell: ({ row }) => (
        <div className="flex min-w-0 flex-col">
          <span className="truncate">{row.original.title}</span>
          <span className="truncate font-mono text-xs text-muted-foreground">{row.original.plan_code}</span>
        </div>
      ),
    },
    {
      id: "status",
      header: t("columns.status"),
      cell: ({ row }) => {
        const status = displayStatus(row.original, now);
        return (
          <div className="flex flex-col gap-1">
            <span
              className="flex flex-wrap items-center gap-1"
              data-testid={`plan-status-${row.original.id}`}
            >
              <StatusBadge label={t(`statuses.${status}`)} tone={tones[status]} />
              {row.original.renews ? (
                <span title={t("renews")} className="text-muted-foreground">
                  <RepeatIcon className="size-3.5" aria-label={t("renews")} />
                </span>
              ) : null}
            </span>
            <span className="text-xs text-muted-foreground sm:hidden">{endsText(t, row.original, now)}</span>
          </div>
        );
      },
    },
    {
      id: "ends",
      header: t("columns.ends"),
      meta: { sortField: "ends", className: "hidden sm:table-cell", headerClassName: "hidden sm:table-cell" },
      cell: ({ row }) => {
        return (
          <div className="flex flex-col" data-testid={`plan-ends-${row.original.id}`}>
            <time
              dateTime={row.original.ends_at.toISOString()}
              title={formatDateTime(row.original.ends_at)}
              className="tabular-nums"
            >
              {formatDate(row.original.ends_at)}
            </time>
            <span className="text-xs text-muted-foreground">{endsText(t, row.original, now)}</span>
          </div>
        );
      },
    },
    {
      id: "actions",
      header: () => <span className="sr-only">{t("columns.actions")}</span>,
      meta: { className: "w-10 text-right" },
      cell: ({ row }) =>
        options.canEdit && isLive(row.original, now) ? (
          <RowActions subscription={row.original} t={t} onAction={options.onAction} />
        ) : null,
    },
  ];
}

function RowActions({
  subscription,
  t,
  onAction,
}: {
  subscription: Subscription;
  t: T;
  onAction: (action: PlanAction, s: Subscription) => void;
}) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size="icon-sm"
          aria-label={t("actions.open", { name: userName(subscription) })}
        >
          <MoreHorizontalIcon />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuItem onSelect={() => onAction("extend", subscription)}>
          {t("actions.extend")}
        </DropdownMenuItem>
        {subscription.renews ? (
          <DropdownMenuItem onSelect={() => onAction("cancelRenewal", subscription)}>
            {t("actions.cancelRenewal")}
          </DropdownMenuItem>
        ) : null}
        <DropdownMenuItem variant="destructive" onSelect={() => onAction("end", subscription)}>
          {t("actions.end")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
