import { Card, CardContent, CardHeader, CardTitle } from "@lumen/ui/components/card";
import { formatMoney } from "../../../components/cells.tsx";
import { useLocale } from "../../../lib/i18n.ts";
import type { DashboardData } from "../api/get-dashboard.ts";
import { useDashboardT } from "../i18n.ts";
import { DrillLink } from "./drill-link.tsx";

/** The best sellers of the period; each opens its paid orders. */
export function TopProducts({ data }: { data: DashboardData }) {
  const t = useDashboardT();
  const locale = useLocale();
  return (
    <Card className="gap-3">
      <CardHeader>
        <CardTitle>{t("top.title")}</CardTitle>
      </CardHeader>
      <CardContent>
        {data.top_products.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("top.empty")}</p>
        ) : (
          <ol className="divide-y">
            {data.top_products.map((p) => (
              <li key={p.product_id}>
                <DrillLink
                  link={p.link}
                  label={p.title}
                  className="flex items-center justify-between gap-3 px-2 py-2"
                >
                  <span className="min-w-0">
                    <span className="block truncate font-medium">{p.title}</span>
                    <span className="text-xs text-muted-foreground">
                      {t("top.orders", { count: p.orders })}
                    </span>
                  </span>
                  <span className="shrink-0 text-right text-sm tabular-nums">
                    {p.revenue.map((r) => (
                      <span key={r.currency} className="block">
                        {formatMoney(r.amount, r.currency, locale)}
                      </span>
                    ))}
                  </span>
                </DrillLink>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
