import { Card, CardContent, CardHeader, CardTitle } from "@lumen/ui/components/card";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { StatisticsRow } from "../api/tasks-api.ts";
import { useTasksT } from "../i18n.ts";

const tooltipStyle = {
  background: "var(--popover)",
  borderColor: "var(--border)",
  color: "var(--popover-foreground)",
};
const hours = (seconds: number | null) => (seconds === null ? 0 : Math.round((seconds / 3600) * 10) / 10);
const nameOf = (row: StatisticsRow) => (row.email ?? row.assistant_id).split("@")[0] ?? row.assistant_id;

function ChartCard({
  title,
  children,
  testId,
}: {
  title: string;
  children: React.ReactElement;
  testId: string;
}) {
  return (
    <Card className="gap-4" data-testid={testId}>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent className="h-56">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </CardContent>
    </Card>
  );
}

/** Two charts over the same rows as the table: volume per assistant, and how fast they answer and finish. */
export function StatisticsCharts({ rows }: { rows: StatisticsRow[] }) {
  const t = useTasksT();
  const data = rows.map((row) => ({
    name: nameOf(row),
    taken: row.taken,
    done: row.done,
    firstResponse: hours(row.first_response_median_seconds),
    toDone: hours(row.done_median_seconds),
  }));
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartCard title={t("stats.chartDone")} testId="chart-done">
        <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" className="stroke-border" />
          <XAxis dataKey="name" tickLine={false} axisLine={false} fontSize={11} />
          <YAxis width={32} allowDecimals={false} tickLine={false} axisLine={false} fontSize={11} />
          <Tooltip contentStyle={tooltipStyle} />
          <Legend />
          <Bar dataKey="taken" name={t("stats.taken")} fill="var(--chart-1)" radius={[3, 3, 0, 0]} />
          <Bar dataKey="done" name={t("stats.done")} fill="var(--chart-2)" radius={[3, 3, 0, 0]} />
        </BarChart>
      </ChartCard>
      <ChartCard title={t("stats.chartTimes")} testId="chart-times">
        <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" className="stroke-border" />
          <XAxis dataKey="name" tickLine={false} axisLine={false} fontSize={11} />
          <YAxis width={32} tickLine={false} axisLine={false} fontSize={11} />
          <Tooltip contentStyle={tooltipStyle} formatter={(v) => [`${v} ${t("stats.hours")}`, ""]} />
          <Legend />
          <Bar
            dataKey="firstResponse"
            name={t("stats.firstResponse")}
            fill="var(--chart-3)"
            radius={[3, 3, 0, 0]}
          />
          <Bar dataKey="toDone" name={t("stats.toDone")} fill="var(--chart-4)" radius={[3, 3, 0, 0]} />
        </BarChart>
      </ChartCard>
    </div>
  );
}
