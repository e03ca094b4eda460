import { Skeleton } from "@lumen/ui/components/skeleton";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { PageHeader } from "../../components/page-header.tsx";
import { BotPicker, PeriodPicker } from "../../components/period-filters.tsx";
import { can, useMe } from "../../lib/auth.ts";
import {
  cohortsQueryOptions,
  csvUrl,
  funnelQueryOptions,
  reportBotsQueryOptions,
  sourcesQueryOptions,
  trialsQueryOptions,
} from "./api/reports-api.ts";
import { CohortHeatmap } from "./components/cohort-heatmap.tsx";
import { FunnelChart } from "./components/funnel-chart.tsx";
import { ReportCard } from "./components/report-card.tsx";
import { SourcesTable } from "./components/sources-table.tsx";
import { useAnalyticsT } from "./i18n.ts";
import type { AnalyticsSearch } from "./search.ts";

const route = getRouteApi("/_authed/analytics/");

/** Funnel, trial conversion, weekly cohorts and sources, with the dashboard's period and bot filters. */
export function AnalyticsPage() {
  const t = useAnalyticsT();
  const me = useMe();
  const isAdmin = can(me, "admin");
  const search = route.useSearch();
  const navigate = useNavigate();
  const change = (patch: Partial<AnalyticsSearch>) =>
    void navigate({ to: "/analytics", search: { ...search, ...patch } as never, replace: true });
  const bots = useQuery({ ...reportBotsQueryOptions(), enabled: isAdmin });
  const funnel = useQuery(funnelQueryOptions(search));
  const trials = useQuery(trialsQueryOptions(search));
  const cohorts = useQuery(cohortsQueryOptions(search));
  const sources = useQuery(sourcesQueryOptions(search));
  const csv = (name: string) => (isAdmin ? csvUrl(name, search) : undefined);
  const loading = <Skeleton className="h-40 w-full" />;

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <div className="flex flex-wrap items-end gap-2">
            <PeriodPicker search={search} onChange={change} idPrefix="analytics" />
            <BotPicker
              bots={bots.data?.items ?? []}
              value={search.bot_id}
              onChange={(bot_id) => change({ bot_id })}
            />
          </div>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[2fr_1fr]">
        <ReportCard title={t("funnel.title")} csvHref={csv("funnel")}>
          {funnel.data ? <FunnelChart funnel={funnel.data} /> : loading}
        </ReportCard>
        <ReportCard title={t("trials.title")}>
          {trials.data ? (
            trials.data.trials === 0 ? (
              <p className="text-sm text-muted-foreground">{t("trials.none")}</p>
            ) : (
              <div>
                <p className="text-3xl font-semibold tabular-nums">
                  {Math.round((trials.data.converted / trials.data.trials) * 100)}%
                </p>
                <p className="text-sm text-muted-foreground">{t("trials.value", trials.data)}</p>
              </div>
            )
          ) : (
            loading
          )}
        </ReportCard>
      </div>
      <ReportCard title={t("cohorts.title")} csvHref={csv("cohorts")}>
        {cohorts.data ? <CohortHeatmap cohorts={cohorts.data.items} /> : loading}
      </ReportCard>
      <ReportCard title={t("sources.title")} csvHref={csv("sources")}>
        {sources.data ? <SourcesTable sources={sources.data.items} /> : loading}
      </ReportCard>
    </div>
  );
}
