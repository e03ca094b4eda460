import { botList, cohortReport, funnelReport, sourcesReport, trialConversionReport } from "@lumen/contracts";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { operatorTimeZone } from "../../../components/cells.tsx";
import { api, apiUrl } from "../../../lib/api.ts";
import type { AnalyticsSearch } from "../search.ts";

/** Today and N-1 days before it, in the operator's timezone, as the API's from/to days. */
function presetDays(days: number, tz: string): { from: string; to: string } {
  const to = new Intl.DateTimeFormat("en-CA", {
    timeZone: tz,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
  const start = new Date(`${to}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() - (days - 1));
  return { from: start.toISOString().slice(0, 10), to };
}

/** The API's period query for the URL's state, as the dashboard builds it. */
export function periodQuery(search: AnalyticsSearch, tz = operatorTimeZone()) {
  const period = search.period ?? "30";
  const range = period === "custom" ? { from: search.from, to: search.to } : presetDays(Number(period), tz);
  return { ...range, tz, bot_id: search.bot_id };
}

const reportKeys = {
  all: ["analytics-reports"] as const,
  one: (name: string, query: object) => [...reportKeys.all, name, query] as const,
};

const report = <T>(
  name: string,
  query: Record<string, string | number | undefined>,
  schema: { parse(v: unknown): T },
) =>
  queryOptions({
    queryKey: reportKeys.one(name, query),
    queryFn: ({ signal }) =>
      api("GET", `/api/v1/analytics/reports/${name}`, {
        query,
        schema: schema as never,
        signal,
      }) as Promise<T>,
    placeholderData: keepPreviousData,
  });

export const funnelQueryOptions = (search: AnalyticsSearch) =>
  report("funnel", periodQuery(search), funnelReport);
export const trialsQueryOptions = (search: AnalyticsSearch) =>
  report("trial-conversion", periodQuery(search), trialConversionReport);
export const sourcesQueryOptions = (search: AnalyticsSearch) =>
  report("sources", periodQuery(search), sourcesReport);
export const cohortsQueryOptions = (search: AnalyticsSearch, tz = operatorTimeZone()) =>
  report("cohorts", { weeks: search.weeks ?? 8, tz, bot_id: search.bot_id }, cohortReport);

/** Where a report's CSV downloads from (admins), with the page's filters. */
export const csvUrl = (name: string, search: AnalyticsSearch) =>
  name === "cohorts"
    ? apiUrl(`/api/v1/analytics/reports/cohorts.csv`, {
        weeks: search.weeks ?? 8,
        tz: operatorTimeZone(),
        bot_id: search.bot_id,
      })
    : apiUrl(`/api/v1/analytics/reports/${name}.csv`, periodQuery(search));

export const reportBotsQueryOptions = () =>
  queryOptions({
    queryKey: ["bots", "list"] as const,
    queryFn: ({ signal }) => api("GET", "/api/v1/bots", { schema: botList, signal }),
  });
