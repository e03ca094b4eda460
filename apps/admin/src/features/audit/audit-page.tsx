import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useMemo } from "react";
import { DataTable } from "../../components/data-table/data-table.tsx";
import { DataTableToolbar, type FilterDef } from "../../components/data-table/toolbar.tsx";
import { useTableUrlState } from "../../components/data-table/use-table-url-state.ts";
import { PageHeader } from "../../components/page-header.tsx";
import { auditFacetsQueryOptions, auditListQueryOptions } from "./api/get-audit.ts";
import { auditColumns } from "./components/audit-columns.tsx";
import { useAuditT } from "./i18n.ts";
import type { AuditSearch } from "./search.ts";

const route = getRouteApi("/_authed/audit/");

/** The exemplar list page: URL state → query → shared table kit. Copy its shape for a new list. */
export function AuditPage() {
  const t = useAuditT();
  const search = route.useSearch();
  const state = useTableUrlState(search);
  const list = useQuery(auditListQueryOptions(search));
  const facets = useQuery(auditFacetsQueryOptions());
  const columns = useMemo(() => auditColumns(t), [t]);

  const filters: FilterDef<AuditSearch>[] = [
    {
      key: "actor",
      label: t("filters.actor"),
      options: (facets.data?.actors ?? []).map((a) => ({
        value: `${a.actor_type}:${a.actor_id}`,
        label: a.actor_name ?? `${t(`actorTypes.${a.actor_type}`)} ${a.actor_id.slice(0, 8)}`,
      })),
    },
    {
      key: "action",
      label: t("filters.action"),
      options: (facets.data?.actions ?? []).map((a) => ({ value: a, label: a })),
    },
    {
      key: "entity_type",
      label: t("filters.entity"),
      options: (facets.data?.entity_types ?? []).map((e) => ({ value: e, label: e })),
    },
  ];

  return (
    <div>
      <PageHeader title={t("title")} description={t("description")} />
      <DataTableToolbar state={state} searchPlaceholder={t("search")} filters={filters} />
      <DataTable
        label={t("table")}
        columns={columns}
        query={list}
        state={state}
        getRowId={(e) => String(e.id)}
      />
    </div>
  );
}
