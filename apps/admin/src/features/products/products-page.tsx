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
import {
  type Product,
  productKeys,
  productListQueryOptions,
  reorderProducts,
  setProductActive,
} from "./api/products-api.ts";
import { productColumns } from "./components/product-columns.tsx";
import { ProductFormDialog } from "./components/product-form-dialog.tsx";
import { useProductsT } from "./i18n.ts";
import { type ProductsSearch, productKinds } from "./search.ts";

const route = getRouteApi("/_authed/products/");

/** The catalog in the bot's order: admins add and edit products, reorder them and take them off sale. */
export function ProductsPage() {
  const t = useProductsT();
  const locale = useLocale();
  const me = useMe();
  const canEdit = can(me, "admin");
  const search = route.useSearch();
  const state = useTableUrlState(search);
  const list = useQuery(productListQueryOptions(search));
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<{ product: Product | null } | null>(null);
  const [disabling, setDisabling] = useState<Product | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: productKeys.all });
  const toggle = useMutation({
    mutationFn: setProductActive,
    meta: { successMessage: t("toggle.done") },
    onSuccess: refresh,
  });
  const reorder = useMutation({ mutationFn: reorderProducts, onSuccess: refresh });
  const items = list.data?.items ?? [];
  const columns = useMemo(
    () =>
      productColumns(t, locale, {
        canEdit,
        onEdit: (product) => setEditing({ product }),
        onToggle: (p) => (p.active ? setDisabling(p) : toggle.mutate({ id: p.id, active: true })),
        onMove: (product, step) => {
          const ids = items.map((p) => p.id);
          const from = ids.indexOf(product.id);
          const to = from + step;
          if (from < 0 || to < 0 || to >= ids.length) return;
          [ids[from], ids[to]] = [ids[to] as string, ids[from] as string];
          reorder.mutate(ids);
        },
      }),
    [t, locale, canEdit, items, toggle.mutate, reorder.mutate],
  );
  const filters: FilterDef<ProductsSearch>[] = [
    {
      key: "kind",
      label: t("filters.kind"),
      options: productKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) })),
    },
    {
      key: "active",
      label: t("filters.active"),
      options: (["true", "false"] as const).map((v) => ({ value: v, label: t(`states.${v}`) })),
    },
  ];
  return (
    <div>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          canEdit ? (
            <Button onClick={() => setEditing({ product: null })}>
              <PlusIcon aria-hidden />
              {t("create")}
            </Button>
          ) : null
        }
      />
      <DataTableToolbar state={state} searchPlaceholder={t("search")} filters={filters} />
      <DataTable label={t("table")} columns={columns} query={list} state={state} getRowId={(p) => p.id} />
      <ProductFormDialog
        product={editing?.product ?? null}
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
      />
      <ConfirmDialog
        open={disabling !== null}
        onOpenChange={(open) => !open && setDisabling(null)}
        title={t("toggle.confirmTitle", { title: disabling?.title ?? "" })}
        description={t("toggle.confirmText")}
        confirmLabel={t("toggle.confirm")}
        destructive
        pending={toggle.isPending}
        onConfirm={() => (disabling ? toggle.mutateAsync({ id: disabling.id, active: false }) : undefined)}
      />
    </div>
  );
}
