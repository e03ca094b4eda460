import { Button } from "@lumen/ui/components/button";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ArrowLeftIcon, PencilIcon } from "lucide-react";
import { useMemo, useState } from "react";
import { DateCell, formatMoney, StatusBadge } from "../../components/cells.tsx";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { DataTable } from "../../components/data-table/data-table.tsx";
import { useTableUrlState } from "../../components/data-table/use-table-url-state.ts";
import { Figure } from "../../components/figure.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { can, useMe } from "../../lib/auth.ts";
import { useLocale } from "../../lib/i18n.ts";
import {
  promoDetailsQueryOptions,
  promoKeys,
  promoRedemptionsQueryOptions,
  setPromoActive,
} from "./api/promos-api.ts";
import { describePromo } from "./components/promo-columns.tsx";
import { PromoFormDialog } from "./components/promo-form-dialog.tsx";
import { redemptionColumns } from "./components/redemption-columns.tsx";
import { usePromosT } from "./i18n.ts";

const route = getRouteApi("/_authed/promos/$id");

/** One code: its terms, its figures, and the uses behind them (each linked to its user and order). */
export function PromoPage() {
  const t = usePromosT();
  const locale = useLocale();
  const me = useMe();
  const canEdit = can(me, "admin");
  const { id } = route.useParams();
  const search = route.useSearch();
  const state = useTableUrlState(search);
  const details = useQuery(promoDetailsQueryOptions(id));
  const uses = useQuery(promoRedemptionsQueryOptions(id, search));
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<"edit" | "disable" | null>(null);
  const toggle = useMutation({
    mutationFn: setPromoActive,
    meta: { successMessage: t("toggle.done") },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: promoKeys.all }),
  });
  const columns = useMemo(() => redemptionColumns(t, locale), [t, locale]);
  const promo = details.data;
  if (!promo) return null;
  return (
    <div className="space-y-6">
      <Link
        to="/promos"
        className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ArrowLeftIcon className="size-4" /> {t("detail.back")}
      </Link>
      <PageHeader
        title={promo.code}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {describePromo(t, promo, locale)}
            <StatusBadge
              label={t(`states.${promo.active ? "true" : "false"}`)}
              tone={promo.active ? "success" : "secondary"}
            />
          </span>
        }
        actions={
          canEdit ? (
            <>
              <Button variant="outline" onClick={() => setDialog("edit")}>
                <PencilIcon aria-hidden /> {t("edit")}
              </Button>
              <Button
                variant={promo.active ? "outline" : "default"}
                disabled={toggle.isPending}
                onClick={() =>
                  promo.active ? setDialog("disable") : toggle.mutate({ id: promo.id, active: true })
                }
              >
                {promo.active ? t("toggle.off") : t("toggle.on")}
              </Button>
            </>
          ) : null
        }
      />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Figure label={t("detail.uses")} testId="promo-detail-uses">
          {promo.max_uses === null ? promo.uses : t("usesOf", { uses: promo.uses, max: promo.max_uses })}
        </Figure>
        <Figure label={t("detail.paidOrders")} testId="promo-detail-orders">
          {promo.paid_orders}
        </Figure>
        <Figure label={t("detail.revenue")} testId="promo-detail-revenue">
          {promo.revenue.length === 0 ? (
            <span className="text-muted-foreground">{t("noRevenue")}</span>
          ) : (
            <span className="flex flex-col">
              {promo.revenue.map((r) => (
                <span key={r.currency}>{formatMoney(r.amount, r.currency, locale)}</span>
              ))}
            </span>
          )}
        </Figure>
        <Figure label={t("detail.terms")} testId="promo-detail-terms">
          <span className="flex flex-col text-sm font-normal">
            <span>{promo.once_per_user ? t("form.oncePerUser") : t("detail.manyPerUser")}</span>
            <span className="text-muted-foreground">
              {t("detail.created")} <DateCell value={promo.created_at} />
            </span>
          </span>
        </Figure>
      </div>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t("uses.title")}</h2>
        <DataTable
          label={t("uses.title")}
          columns={columns}
          query={uses}
          state={state}
          getRowId={(r) => r.id}
        />
      </section>
      <PromoFormDialog
        open={dialog === "edit"}
        onOpenChange={(open) => setDialog(open ? "edit" : null)}
        promo={promo}
      />
      <ConfirmDialog
        open={dialog === "disable"}
        onOpenChange={(open) => !open && setDialog(null)}
        title={t("toggle.confirmTitle", { code: promo.code })}
        description={t("toggle.confirmText")}
        confirmLabel={t("toggle.off")}
        destructive
        pending={toggle.isPending}
        onConfirm={() => toggle.mutateAsync({ id: promo.id, active: false })}
      />
    </div>
  );
}
