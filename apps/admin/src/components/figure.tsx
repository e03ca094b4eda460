import { Card, CardContent, CardHeader, CardTitle } from "@lumen/ui/components/card";
import type { ReactNode } from "react";

/**
 * A labelled figure whose value is any content (an amount with its currency, a count with the
 * people behind it); FigureCard is the plain-string one with a hint line.
 */
export function Figure({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <Card className="gap-2 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-sm font-normal text-muted-foreground">{label}</CardTitle>
      </CardHeader>
      <CardContent className="px-4 text-xl font-semibold tabular-nums" data-testid={testId}>
        {children}
      </CardContent>
    </Card>
  );
}
