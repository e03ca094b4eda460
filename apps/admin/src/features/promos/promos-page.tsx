import { Button } from "@lumen/ui/components/button";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { PlusIcon } from "lucide-react";
import { useMemo, useState } from "react";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { DataTable } from "../../components/data-table/data-table.tsx";
import { DataTableToolbar, type FilterDef } from "../../components/data-table/toolbar.tsx";
import { useTableUrlState } from "../../components/data-table/use-table-url-state.ts";
import { PageHeader } from "../../components/page-header.tsx";
import { can, useMe } from "../../lib/auth.ts";
import { useLocale } from "../../lib/i18n.ts";
import { type PromoStatsRow, promoKeys, promoListQueryOptions, setPromoActive } from "./api/promos-api.ts";
import { promoColumns } from "./components/promo-columns.tsx";
import { PromoFormDialog } from "./components/promo-form-dialog.tsx";
import { usePromosT } from "./i18n.ts";
import { type PromosSearch, promoKinds } from "./search.ts";

const route = getRouteApi("/_authed/promos/");

/** Promo codes with uses and revenue; admins create and edit codes and switch them on and off. */
export function PromosPage() {
  const t = usePromosT();
  const locale = useLocale();
  const me = useMe();
  const canEdit = can(me, "admin");
  const search = route.useSearch();
  const state = useTableUrlState(search);
  const list = useQuery(promoListQueryOptions(search));
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [disabling, setDisabling] = useState<PromoStatsRow | null>(null);
  const [editing, setEditing] = useState<PromoStatsRow | null>(null);
  const toggle = useMutation({
    mutationFn: setPromoActive,
    meta: { successMessage: t("toggle.done") },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: promoKeys.all }),
  });
  const columns = useMemo(
    () =>
      promoColumns(t, locale, {
        canEdit,
        onToggle: (p) => (p.active ? setDisabling(p) : toggle.mutate({ id: p.id, active: true })),
        onEdit: setEditing,
      }),
    [t, locale, canEdit, toggle.mutate],
  );
  const filters: FilterDef<PromosSearch>[] = [
    {
      key: "active",
      label: t("filters.active"),
      options: (["true", "false"] as const).map((v) => ({ value: v, label: t(`states.${v}`) })),
    },
    {
      key: "kind",
      label: t("filters.kind"),
      options: promoKinds.map((k) => ({ value: k, label: t(`kindNames.${k}`) })),
    },
    {
      key: "overrun",
      label: t("filters.overrun"),
      options: [{ value: "true", label: t("filters.overrun") }],
    },
  ];

  return (
    <div>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          canEdit ? (
            <Button onClick={() => setCreating(true)}>
              <PlusIcon aria-hidden />
              {t("create")}
            </Button>
          ) : null
        }
      />
      <DataTableToolbar
        state={state}
        searchPlaceholder={t("search")}
        filters={filters}
        exportPath={canEdit ? "/api/v1/promos/export.csv" : undefined}
      />
      <DataTable label={t("table")} columns={columns} query={list} state={state} getRowId={(p) => p.id} />
      <PromoFormDialog open={creating} onOpenChange={setCreating} />
      <PromoFormDialog
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        promo={editing ?? undefined}
      />
      <ConfirmDialog
        open={disabling !== null}
        onOpenChange={(open) => !open && setDisabling(null)}
        title={t("toggle.confirmTitle", { code: disabling?.code ?? "" })}
        description={t("toggle.confirmText")}
        confirmLabel={t("toggle.off")}
        destructive
        pending={toggle.isPending}
        onConfirm={() => (disabling ? toggle.mutateAsync({ id: disabling.id, active: false }) : undefined)}
      />
    </div>
  );
}
