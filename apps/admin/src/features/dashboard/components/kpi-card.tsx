import type { DrillLinkBody } from "@lumen/contracts";
import { Card, CardDescription, CardHeader, CardTitle } from "@lumen/ui/components/card";
import { DrillLink } from "./drill-link.tsx";

/** One figure, its label and a line of context; the whole card opens the list behind it. */
export function KpiCard({
  label,
  value,
  hint,
  link,
  openLabel,
  testId,
}: {
  label: string;
  value: string;
  hint?: string | undefined;
  link: DrillLinkBody | null;
  openLabel: string;
  testId: string;
}) {
  return (
    <DrillLink link={link} label={`${label}: ${value}. ${openLabel}`} className="block border-0">
      <Card className="h-full gap-1 py-4" data-testid={testId}>
        <CardHeader className="gap-1 px-4">
          <CardDescription>{label}</CardDescription>
          <CardTitle className="text-2xl tabular-nums" data-testid={`${testId}-value`}>
            {value}
          </CardTitle>
          {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
        </CardHeader>
      </Card>
    </DrillLink>
  );
}
