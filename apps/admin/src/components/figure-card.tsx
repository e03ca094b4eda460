import { Card, CardDescription, CardHeader, CardTitle } from "@lumen/ui/components/card";

/** One figure with its label and a line of context: the dashboard's cards and the course stats tab. */
export function FigureCard({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint?: string | undefined;
  testId: string;
}) {
  return (
    <Card className="h-full gap-1 py-4" data-testid={testId}>
      <CardHeader className="gap-1 px-4">
        <CardDescription>{label}</CardDescription>
        <CardTitle className="text-2xl tabular-nums" data-testid={`${testId}-value`}>
          {value}
        </CardTitle>
        {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
      </CardHeader>
    </Card>
  );
}
