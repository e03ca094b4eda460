import { Badge } from "@lumen/ui/components/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@lumen/ui/components/card";
import { AlertTriangleIcon, CheckCircle2Icon } from "lucide-react";
import type { DashboardData } from "../api/get-dashboard.ts";
import { useDashboardT } from "../i18n.ts";
import { DrillLink } from "./drill-link.tsx";

/** What needs an operator now: mismatched payments, overrun promo codes, chats missing a right. */
export function AttentionFlags({ data }: { data: DashboardData }) {
  const t = useDashboardT();
  const raised = data.flags.filter((f) => f.count > 0);
  return (
    <Card className="gap-3">
      <CardHeader>
        <CardTitle>{t("flags.title")}</CardTitle>
      </CardHeader>
      <CardContent>
        {raised.length === 0 ? (
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <CheckCircle2Icon className="size-4 text-primary" aria-hidden />
            {t("flags.none")}
          </p>
        ) : (
          <ul className="space-y-1">
            {raised.map((flag) => (
              <li key={flag.kind}>
                <DrillLink
                  link={flag.link}
                  label={t(`flags.${flag.kind}`)}
                  className="flex items-center gap-2 px-2 py-2 text-sm"
                >
                  <AlertTriangleIcon className="size-4 shrink-0 text-destructive" aria-hidden />
                  <span className="min-w-0 flex-1">{t(`flags.${flag.kind}`)}</span>
                  <Badge variant="destructive">{flag.count}</Badge>
                </DrillLink>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
