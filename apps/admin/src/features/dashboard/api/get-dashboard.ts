import { bot, dashboard } from "@lumen/contracts";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { operatorTimeZone } from "../../../components/cells.tsx";
import { api } from "../../../lib/api.ts";
import type { DashboardSearch } from "../search.ts";

export type DashboardData = z.output<typeof dashboard>;

export const dashboardKeys = {
  all: ["dashboard"] as const,
  figures: (search: DashboardSearch, tz: string) => [...dashboardKeys.all, "figures", search, tz] as const,
  bots: () => ["bots", "list"] as const,
};

/** Today and N-1 days before it, in the operator's timezone, as the API's from/to days. */
function presetDays(days: number, tz: string): { from: string; to: string } {
  const format = (d: Date) =>
    new Intl.DateTimeFormat("en-CA", {
      timeZone: tz,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).format(d);
  const to = format(new Date());
  const start = new Date(`${to}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() - (days - 1));
  return { from: start.toISOString().slice(0, 10), to };
}

/** The API query for the URL's state: a preset becomes from/to days; custom passes them through. */
export function dashboardApiQuery(search: DashboardSearch, tz: string) {
  const period = search.period ?? "30";
  const range = period === "custom" ? { from: search.from, to: search.to } : presetDays(Number(period), tz);
  return { ...range, tz, bot_id: search.bot_id };
}

export const dashboardQueryOptions = (search: DashboardSearch, tz = operatorTimeZone()) =>
  queryOptions({
    queryKey: dashboardKeys.figures(search, tz),
    queryFn: ({ signal }) =>
      api("GET", "/api/v1/analytics/dashboard", {
        query: dashboardApiQuery(search, tz),
        schema: dashboard,
        signal,
      }),
    placeholderData: keepPreviousData,
  });

const botList = z.object({ items: z.array(bot) });

export const botsQueryOptions = () =>
  queryOptions({
    queryKey: dashboardKeys.bots(),
    queryFn: ({ signal }) => api("GET", "/api/v1/bots", { schema: botList, signal }),
    staleTime: 60_000,
  });
