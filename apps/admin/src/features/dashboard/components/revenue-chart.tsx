import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@lumen/ui/components/card";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "../../../components/cells.tsx";
import { useLocale } from "../../../lib/i18n.ts";
import type { DashboardData } from "../api/get-dashboard.ts";
import { useDashboardT } from "../i18n.ts";

type Currency = "RUB" | "XTR";

/** One currency's bars by day; amounts stay integers from the server and are only formatted here. */
function CurrencyBars({ data, currency }: { data: DashboardData; currency: Currency }) {
  const t = useDashboardT();
  const locale = useLocale();
  const points = data.revenue.by_day.filter((p) => p.currency === currency);
  const total = data.revenue.currencies.find((c) => c.currency === currency)?.amount ?? 0;
  const shortDay = (day: string) => day.slice(5).replace("-", ".");
  return (
    <figure className="min-w-0 space-y-2" data-testid={`revenue-chart-${currency}`}>
      <figcaption className="flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">{currency === "RUB" ? t("chart.rub") : t("chart.xtr")}</span>
        <span className="tabular-nums text-muted-foreground">{formatMoney(total, currency, locale)}</span>
      </figcaption>
      <div className="h-48 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={points} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" className="stroke-border" />
            <XAxis
              dataKey="day"
              tickFormatter={shortDay}
              tickLine={false}
              axisLine={false}
              fontSize={11}
              minTickGap={16}
            />
            <YAxis
              width={56}
              tickLine={false}
              axisLine={false}
              fontSize={11}
              tickFormatter={(v: number) =>
                currency === "RUB"
                  ? new Intl.NumberFormat(locale, { notation: "compact" }).format(v / 100)
                  : String(v)
              }
            />
            <Tooltip
              cursor={{ className: "fill-accent" }}
              formatter={(value) => [formatMoney(Number(value), currency, locale), ""]}
              labelFormatter={(day) => String(day)}
              contentStyle={{
                background: "var(--popover)",
                borderColor: "var(--border)",
                color: "var(--popover-foreground)",
              }}
            />
            <Bar
              dataKey="amount"
              fill={currency === "RUB" ? "var(--chart-1)" : "var(--chart-2)"}
              radius={[3, 3, 0, 0]}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Revenue by day, one chart per currency: rubles and Stars are never added together. */
export function RevenueChart({ data }: { data: DashboardData }) {
  const t = useDashboardT();
  const any = data.revenue.currencies.some((c) => c.amount > 0);
  return (
    <Card className="gap-4">
      <CardHeader>
        <CardTitle>{t("chart.title")}</CardTitle>
        <CardDescription>{any ? t("chart.description") : t("chart.empty")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6 lg:grid-cols-2">
        <CurrencyBars data={data} currency="RUB" />
        <CurrencyBars data={data} currency="XTR" />
      </CardContent>
    </Card>
  );
}
