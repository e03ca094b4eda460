import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useMemo } from "react";
import { DataTable } from "../../components/data-table/data-table.tsx";
import { DataTableToolbar, type FilterDef } from "../../components/data-table/toolbar.tsx";
import { useTableUrlState } from "../../components/data-table/use-table-url-state.ts";
import { PageHeader } from "../../components/page-header.tsx";
import { ordersListQueryOptions } from "./api/orders.ts";
import { orderColumns } from "./components/order-columns.tsx";
import { useOrdersT } from "./i18n.ts";
import type { OrdersSearch } from "./search.ts";

const route = getRouteApi("/_authed/orders/");
const statuses = ["pending", "paid", "cancelled", "expired", "refunded"] as const;

export function OrdersPage() {
  const t = useOrdersT();
  const navigate = useNavigate();
  const search = route.useSearch();
  const state = useTableUrlState(search);
  const list = useQuery(ordersListQueryOptions(search));
  const columns = useMemo(() => orderColumns(t), [t]);
  const filters: FilterDef<OrdersSearch>[] = [
    {
      key: "status",
      label: t("filters.status"),
      options: statuses.map((s) => ({ value: s, label: t(`statuses.${s}`) })),
    },
    {
      key: "provider",
      label: t("filters.provider"),
      options: ["stars", "telegram", "yookassa", "mock"].map((p) => ({ value: p, label: p })),
    },
    {
      key: "currency",
      label: t("filters.currency"),
      options: [
        { value: "XTR", label: "Stars" },
        { value: "RUB", label: "RUB" },
      ],
    },
    {
      key: "flagged",
      label: t("filters.flagged"),
      options: [
        { value: "true", label: t("filters.yes") },
        { value: "false", label: t("filters.no") },
      ],
    },
  ];
  return (
    <div>
      <PageHeader title={t("title")} description={t("description")} />
      <DataTableToolbar state={state} filters={filters} exportPath="/api/v1/orders/export.csv" />
      <DataTable
        label={t("table")}
        columns={columns}
        query={list}
        state={state}
        getRowId={(o) => o.id}
        onRowClick={(o) => void navigate({ to: "/orders/$id", params: { id: o.id } })}
      />
    </div>
  );
}
