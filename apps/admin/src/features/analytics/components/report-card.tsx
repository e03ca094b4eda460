import { Card, CardContent, CardHeader, CardTitle } from "@lumen/ui/components/card";
import type * as React from "react";
import { useAnalyticsT } from "../i18n.ts";

/** A report's frame: its title, the CSV download for admins, and the report. */
export function ReportCard({
  title,
  csvHref,
  children,
}: {
  title: string;
  csvHref?: string | undefined;
  children: React.ReactNode;
}) {
  const t = useAnalyticsT();
  return (
    <Card>
      <CardHeader className="flex flex-row items-center justify-between gap-2">
        <CardTitle className="text-base">{title}</CardTitle>
        {csvHref ? (
          <a href={csvHref} className="text-sm text-primary underline-offset-4 hover:underline" download>
            {t("csv")}
          </a>
        ) : null}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}
