import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { DataTable } from "../../components/data-table/data-table.tsx";
import { DataTableToolbar } from "../../components/data-table/toolbar.tsx";
import { useTableUrlState } from "../../components/data-table/use-table-url-state.ts";
import { PageHeader } from "../../components/page-header.tsx";
import { can, useMe } from "../../lib/auth.ts";
import { useLocale } from "../../lib/i18n.ts";
import { type Partner, partnerListQueryOptions } from "./api/partners-api.ts";
import { partnerColumns } from "./components/partner-columns.tsx";
import { PayoutDialog } from "./components/payout-dialog.tsx";
import { usePartnersT } from "./i18n.ts";

const route = getRouteApi("/_authed/partners/");

/**
 * Partners with clicks, sign-ups, paying users and commission per currency, from the server's one
 * rule; admins record the payouts made to them, and the figures refresh from the server's answer.
 */
export function PartnersPage() {
  const t = usePartnersT();
  const locale = useLocale();
  const me = useMe();
  const search = route.useSearch();
  const state = useTableUrlState(search);
  const list = useQuery(partnerListQueryOptions(search));
  const canPay = can(me, "admin");
  const [paying, setPaying] = useState<Partner | null>(null);
  const columns = useMemo(
    () => partnerColumns(t, locale, { canPay, onPayout: setPaying }),
    [t, locale, canPay],
  );
  return (
    <div>
      <PageHeader title={t("title")} description={t("description")} />
      <DataTableToolbar
        state={state}
        searchPlaceholder={t("search")}
        exportPath={can(me, "admin") ? "/api/v1/partners/export.csv" : undefined}
      />
      <DataTable
        label={t("table")}
        columns={columns}
        query={list}
        state={state}
        getRowId={(p) => p.user_id}
      />
      {paying ? <PayoutDialog partner={paying} onOpenChange={(open) => !open && setPaying(null)} /> : null}
    </div>
  );
}
