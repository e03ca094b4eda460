import { Card, CardContent } from "@lumen/ui/components/card";
import { Input } from "@lumen/ui/components/input";
import { Label } from "@lumen/ui/components/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@lumen/ui/components/table";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { PageHeader } from "../../components/page-header.tsx";
import { formatDuration } from "../../lib/format-duration.ts";
import { useLocale } from "../../lib/i18n.ts";
import { statisticsQueryOptions } from "./api/tasks-api.ts";
import { StatisticsCharts } from "./components/statistics-charts.tsx";
import { useTasksT } from "./i18n.ts";
import { periodOf } from "./search.ts";

const route = getRouteApi("/_authed/tasks/statistics");

/** Assistant statistics for a period: a table of every figure and two charts, computed by the server from task events. */
export function StatisticsPage() {
  const t = useTasksT();
  const locale = useLocale();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const period = periodOf(search);
  const rows = useQuery(statisticsQueryOptions(search)).data?.items ?? [];
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  return (
    <div className="grid gap-6">
      <PageHeader title={t("stats.title")} description={t("stats.description")} />
      <div className="-mt-6 flex flex-wrap items-end gap-2">
        <div className="grid gap-1">
          <Label htmlFor="stats-from">{t("stats.from")}</Label>
          <Input
            id="stats-from"
            type="date"
            value={period.from}
            onChange={(e) => navigate({ search: (prev) => ({ ...prev, from: e.target.value || undefined }) })}
          />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="stats-to">{t("stats.to")}</Label>
          <Input
            id="stats-to"
            type="date"
            value={period.to}
            onChange={(e) => navigate({ search: (prev) => ({ ...prev, to: e.target.value || undefined }) })}
          />
        </div>
      </div>
      <Card>
        <CardContent className="pt-6">
          {rows.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("stats.empty")}</p>
          ) : (
            <Table data-testid="statistics-table">
              <TableHeader>
                <TableRow>
                  <TableHead>{t("stats.assistant")}</TableHead>
                  <TableHead className="text-right">{t("stats.taken")}</TableHead>
                  <TableHead className="text-right">{t("stats.done")}</TableHead>
                  <TableHead className="text-right">{t("stats.firstResponse")}</TableHead>
                  <TableHead className="text-right">{t("stats.toDone")}</TableHead>
                  <TableHead className="text-right">{t("stats.reopenRate")}</TableHead>
                  <TableHead className="text-right">{t("stats.rating")}</TableHead>
                  <TableHead className="text-right">{t("stats.overdue")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.assistant_id}>
                    <TableCell>{row.email ?? row.assistant_id}</TableCell>
                    <TableCell className="text-right tabular-nums">{row.taken}</TableCell>
                    <TableCell className="text-right tabular-nums">{row.done}</TableCell>
                    <TableCell className="text-right tabular-nums">
                      {formatDuration(locale, row.first_response_median_seconds)} /{" "}
                      {formatDuration(locale, row.first_response_p90_seconds)}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">
                      {formatDuration(locale, row.done_median_seconds)} /{" "}
                      {formatDuration(locale, row.done_p90_seconds)}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">
                      {row.reopen_rate === null ? "—" : percent.format(row.reopen_rate)}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">
                      {row.average_rating === null
                        ? "—"
                        : `${row.average_rating.toFixed(1)} (${row.ratings})`}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{row.overdue}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      {rows.length ? <StatisticsCharts rows={rows} /> : null}
    </div>
  );
}
