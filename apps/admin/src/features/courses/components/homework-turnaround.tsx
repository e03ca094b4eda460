import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@lumen/ui/components/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@lumen/ui/components/table";
import { formatDuration } from "../../../lib/format-duration.ts";
import { useLocale } from "../../../lib/i18n.ts";
import type { CourseStats } from "../api/courses-api.ts";
import { useCoursesT } from "../i18n.ts";

/** How fast each reviewer gives the first feedback, and how much each holds now. */
export function HomeworkTurnaround({ homework }: { homework: CourseStats["homework"] }) {
  const t = useCoursesT();
  const locale = useLocale();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("stats.turnaround")}</CardTitle>
        <CardDescription>{t("stats.turnaroundHint")}</CardDescription>
      </CardHeader>
      <CardContent>
        {homework.by_reviewer.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("stats.noReviews")}</p>
        ) : (
          <Table aria-label={t("stats.turnaround")}>
            <TableHeader>
              <TableRow>
                <TableHead>{t("stats.reviewer")}</TableHead>
                <TableHead>{t("stats.reviewed")}</TableHead>
                <TableHead>{t("stats.inReview")}</TableHead>
                <TableHead>{t("stats.median")}</TableHead>
                <TableHead className="hidden sm:table-cell">{t("stats.p90")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {homework.by_reviewer.map((r) => (
                <TableRow key={r.reviewer_id}>
                  <TableCell className="max-w-48 truncate">{r.email ?? r.reviewer_id}</TableCell>
                  <TableCell className="tabular-nums">{r.reviewed}</TableCell>
                  <TableCell className="tabular-nums">{r.in_review}</TableCell>
                  <TableCell className="tabular-nums">{formatDuration(locale, r.median_seconds)}</TableCell>
                  <TableCell className="hidden tabular-nums sm:table-cell">
                    {formatDuration(locale, r.p90_seconds)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
