import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useMemo } from "react";
import { DataTable } from "../../components/data-table/data-table.tsx";
import { DataTableToolbar, type FilterDef } from "../../components/data-table/toolbar.tsx";
import { useTableUrlState } from "../../components/data-table/use-table-url-state.ts";
import { PageHeader } from "../../components/page-header.tsx";
import { usersListQueryOptions } from "./api/users.ts";
import { userColumns } from "./components/user-columns.tsx";
import { useUsersT } from "./i18n.ts";
import type { UsersSearch } from "./search.ts";

const route = getRouteApi("/_authed/users/");

export function UsersPage() {
  const t = useUsersT();
  const navigate = useNavigate();
  const search = route.useSearch();
  const state = useTableUrlState(search);
  const list = useQuery(usersListQueryOptions(search));
  const columns = useMemo(() => userColumns(t), [t]);
  const yesNo = [
    { value: "true", label: t("filters.yes") },
    { value: "false", label: t("filters.no") },
  ];
  const filters: FilterDef<UsersSearch>[] = [
    {
      key: "language",
      label: t("filters.language"),
      options: [
        { value: "en", label: "English" },
        { value: "ru", label: "Русский" },
      ],
    },
    { key: "paying", label: t("filters.paying"), options: yesNo },
    { key: "active_plan", label: t("filters.active_plan"), options: yesNo },
    { key: "trial", label: t("filters.trial"), options: yesNo },
    { key: "blocked", label: t("filters.blocked"), options: yesNo },
    { key: "partner", label: t("filters.partner"), options: yesNo },
  ];
  return (
    <div>
      <PageHeader title={t("title")} description={t("description")} />
      <DataTableToolbar
        state={state}
        searchPlaceholder={t("search")}
        filters={filters}
        exportPath="/api/v1/users/export.csv"
      />
      <DataTable
        label={t("table")}
        columns={columns}
        query={list}
        state={state}
        getRowId={(u) => u.id}
        onRowClick={(u) => void navigate({ to: "/users/$id", params: { id: u.id } })}
      />
    </div>
  );
}
