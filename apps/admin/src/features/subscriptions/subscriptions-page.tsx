import { Button } from "@lumen/ui/components/button";
import { toast } from "@lumen/ui/components/sonner";
import { Tabs, TabsList, TabsTrigger } from "@lumen/ui/components/tabs";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { XIcon } from "lucide-react";
import { useMemo, useState } from "react";
import { formatDate } from "../../components/cells.tsx";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { DataTable } from "../../components/data-table/data-table.tsx";
import { DataTableToolbar, type FilterDef } from "../../components/data-table/toolbar.tsx";
import { useTableUrlState } from "../../components/data-table/use-table-url-state.ts";
import { PageHeader } from "../../components/page-header.tsx";
import { can, useMe } from "../../lib/auth.ts";
import {
  botOptionsQueryOptions,
  planOptionsQueryOptions,
  type Subscription,
  subscriptionListQueryOptions,
  useCancelRenewal,
} from "./api/subscriptions-api.ts";
import { EndPlanDialog } from "./components/end-plan-dialog.tsx";
import { ExtendPlanDialog } from "./components/extend-plan-dialog.tsx";
import { type PlanAction, subscriptionColumns, userName } from "./components/subscription-columns.tsx";
import { useSubscriptionsT } from "./i18n.ts";
import { type SubscriptionState, type SubscriptionsSearch, subscriptionStates } from "./search.ts";

const route = getRouteApi("/_authed/subscriptions/");

/** Plans held, by tab (active, ending within a week, expired) and filters; admins extend or end them. */
export function SubscriptionsPage() {
  const t = useSubscriptionsT();
  const me = useMe();
  const canEdit = can(me, "admin");
  const search = route.useSearch();
  const state = useTableUrlState(search);
  const list = useQuery(subscriptionListQueryOptions(search));
  const plans = useQuery(planOptionsQueryOptions());
  const bots = useQuery(botOptionsQueryOptions(canEdit));
  const [acting, setActing] = useState<{ action: PlanAction; subscription: Subscription } | null>(null);
  const cancelRenewal = useCancelRenewal();
  const now = list.dataUpdatedAt || Date.now();
  const columns = useMemo(
    () =>
      subscriptionColumns(t, {
        canEdit,
        now,
        onAction: (action, subscription) => setActing({ action, subscription }),
      }),
    [t, canEdit, now],
  );
  const filters: FilterDef<SubscriptionsSearch>[] = [
    {
      key: "plan_code",
      label: t("filters.plan"),
      options: (plans.data ?? []).map((p) => ({ value: p.code, label: p.title })),
    },
    ...(bots.data?.length
      ? [
          {
            key: "bot_id" as const,
            label: t("filters.bot"),
            options: bots.data.map((b) => ({ value: b.id, label: `@${b.username}` })),
          },
        ]
      : []),
    {
      key: "renewing",
      label: t("filters.renewing"),
      options: [
        { value: "true", label: t("filters.yes") },
        { value: "false", label: t("filters.no") },
      ],
    },
  ];
  const filteredUser = search.user_id
    ? list.data?.items.find((s) => s.user_id === search.user_id)
    : undefined;
  const close = () => setActing(null);
  return (
    <div>
      <PageHeader title={t("title")} description={t("description")} />
      <Tabs
        value={search.state ?? "all"}
        onValueChange={(v) => state.setFilter("state", v === "all" ? undefined : (v as SubscriptionState))}
        className="pb-3"
      >
        <TabsList className="w-full justify-start overflow-x-auto sm:w-fit">
          {(["all", ...subscriptionStates] as const).map((tab) => (
            <TabsTrigger key={tab} value={tab} className="flex-1 sm:flex-none">
              {t(`tabs.${tab}`)}
            </TabsTrigger>
          ))}
        </TabsList>
      </Tabs>
      <DataTableToolbar state={state} filters={filters} exportPath="/api/v1/subscriptions/export.csv">
        {search.user_id ? (
          <Button
            variant="secondary"
            size="sm"
            onClick={() => state.setFilter("user_id", undefined)}
            aria-label={t("filters.clearUser")}
          >
            {t("filters.user", { name: filteredUser ? userName(filteredUser) : "…" })}
            <XIcon aria-hidden />
          </Button>
        ) : null}
      </DataTableToolbar>
      <DataTable label={t("table")} columns={columns} query={list} state={state} getRowId={(s) => s.id} />
      {acting?.action === "extend" ? (
        <ExtendPlanDialog subscription={acting.subscription} onOpenChange={(open) => !open && close()} />
      ) : null}
      {acting?.action === "end" ? (
        <EndPlanDialog subscription={acting.subscription} onOpenChange={(open) => !open && close()} />
      ) : null}
      <ConfirmDialog
        open={acting?.action === "cancelRenewal"}
        onOpenChange={(open) => !open && close()}
        title={t("cancelRenewal.title", {
          plan: acting?.subscription.title ?? "",
          name: acting ? userName(acting.subscription) : "",
        })}
        description={t("cancelRenewal.description", {
          date: acting ? formatDate(acting.subscription.ends_at) : "",
        })}
        confirmLabel={t("cancelRenewal.submit")}
        destructive
        pending={cancelRenewal.isPending}
        onConfirm={async () => {
          if (!acting) return;
          await cancelRenewal.mutateAsync(acting.subscription.id);
          toast.success(t("cancelRenewal.done"));
        }}
      />
    </div>
  );
}
