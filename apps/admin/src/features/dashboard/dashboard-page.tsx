import { Button } from "@lumen/ui/components/button";
import { Skeleton } from "@lumen/ui/components/skeleton";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { lazy, Suspense } from "react";
import { formatMoney, operatorTimeZone } from "../../components/cells.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { BotPicker, PeriodPicker } from "../../components/period-filters.tsx";
import { can, useMe } from "../../lib/auth.ts";
import { useLocale } from "../../lib/i18n.ts";
import { botsQueryOptions, dashboardQueryOptions } from "./api/get-dashboard.ts";
import { AttentionFlags } from "./components/attention-flags.tsx";
import { KpiCard } from "./components/kpi-card.tsx";
import { TopProducts } from "./components/top-products.tsx";
import { useDashboardT } from "./i18n.ts";
import type { DashboardSearch } from "./search.ts";

const route = getRouteApi("/_authed/");
// Recharts is most of the page's weight: it loads after the figures, outside the initial bundle.
const RevenueChart = lazy(() =>
  import("./components/revenue-chart.tsx").then((m) => ({ default: m.RevenueChart })),
);

/** The operator's home: the period's figures from the server, each card a link to its rows. */
export function DashboardPage() {
  const t = useDashboardT();
  const locale = useLocale();
  const me = useMe();
  const search = route.useSearch();
  const navigate = useNavigate();
  const tz = operatorTimeZone();
  const figures = useQuery(dashboardQueryOptions(search, tz));
  const bots = useQuery({ ...botsQueryOptions(), enabled: can(me, "admin") });
  const change = (patch: Partial<DashboardSearch>) =>
    void navigate({ to: "/", search: { ...search, ...patch } as never, replace: true });
  const number = (n: number) => new Intl.NumberFormat(locale).format(n);
  const data = figures.data;

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description", { tz })}
        actions={
          <BotPicker
            bots={bots.data?.items ?? []}
            value={search.bot_id}
            onChange={(bot_id) => change({ bot_id })}
          />
        }
      />
      <PeriodPicker search={search} onChange={change} idPrefix="dashboard" />
      {figures.isError && !data ? (
        <div role="alert" className="rounded-xl border border-destructive/40 p-6 text-sm">
          <p className="mb-3">{t("error")}</p>
          <Button variant="outline" size="sm" onClick={() => void figures.refetch()}>
            {t("retry")}
          </Button>
        </div>
      ) : !data ? (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-busy="true">
          {["a", "b", "c", "d", "e", "f", "g", "h"].map((slot) => (
            <Skeleton key={slot} className="h-24 rounded-xl" />
          ))}
        </div>
      ) : (
        <div className="space-y-6" aria-busy={figures.isFetching}>
          <section className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
            {data.revenue.currencies.map((c) => (
              <KpiCard
                key={c.currency}
                testId={`kpi-revenue-${c.currency}`}
                label={t("cards.revenue", { currency: c.currency === "XTR" ? "Stars" : c.currency })}
                value={formatMoney(c.amount, c.currency, locale)}
                hint={t("cards.revenueHint", { orders: c.orders, refunded: c.refunded })}
                link={c.link}
                openLabel={t("cards.open")}
              />
            ))}
            <KpiCard
              testId="kpi-paid-orders"
              label={t("cards.paidOrders")}
              value={number(data.paid_orders.value)}
              link={data.paid_orders.link}
              openLabel={t("cards.open")}
            />
            <KpiCard
              testId="kpi-paying-users"
              label={t("cards.payingUsers")}
              value={number(data.paying_users.value)}
              link={data.paying_users.link}
              openLabel={t("cards.open")}
            />
            <KpiCard
              testId="kpi-new-users"
              label={t("cards.newUsers")}
              value={number(data.audience.new_users.value)}
              link={data.audience.new_users.link}
              openLabel={t("cards.open")}
            />
            <KpiCard
              testId="kpi-active-users"
              label={t("cards.activeUsers")}
              value={number(data.audience.active_users.value)}
              hint={t("cards.activeHint")}
              link={data.audience.active_users.link}
              openLabel={t("cards.open")}
            />
            <KpiCard
              testId="kpi-conversion"
              label={t("cards.conversion")}
              value={`${data.audience.trial_conversion.percent}%`}
              hint={t("cards.conversionHint", {
                converted: data.audience.trial_conversion.converted,
                trials: data.audience.trial_conversion.trials,
              })}
              link={data.audience.trial_conversion.link}
              openLabel={t("cards.open")}
            />
            <KpiCard
              testId="kpi-subscriptions"
              label={t("cards.subscriptions")}
              value={number(data.subscriptions.active.value)}
              link={data.subscriptions.active.link}
              openLabel={t("cards.open")}
            />
            <KpiCard
              testId="kpi-renewals"
              label={t("cards.renewals")}
              value={number(data.subscriptions.renewals.value)}
              link={data.subscriptions.renewals.link}
              openLabel={t("cards.open")}
            />
            <KpiCard
              testId="kpi-churn"
              label={t("cards.churn")}
              value={number(data.subscriptions.churn.value)}
              hint={t("cards.churnHint", { percent: data.subscriptions.churn.percent })}
              link={data.subscriptions.churn.link}
              openLabel={t("cards.open")}
            />
            <KpiCard
              testId="kpi-ai"
              label={t("cards.aiMessages")}
              value={number(data.audience.assistant.messages)}
              hint={t("cards.aiHint", {
                credits: number(data.audience.assistant.credits),
                tokens: number(data.audience.assistant.tokens),
                failed: data.audience.assistant.failed,
              })}
              link={null}
              openLabel={t("cards.open")}
            />
          </section>
          <Suspense fallback={<Skeleton className="h-72 rounded-xl" />}>
            <RevenueChart data={data} />
          </Suspense>
          <div className="grid gap-4 lg:grid-cols-2">
            <TopProducts data={data} />
            <AttentionFlags data={data} />
          </div>
        </div>
      )}
    </div>
  );
}
