import { enrollmentStatus, tariffName } from "@lumen/contracts";
import { Card, CardContent, CardHeader, CardTitle } from "@lumen/ui/components/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@lumen/ui/components/table";
import { useQuery } from "@tanstack/react-query";
import { FigureCard } from "../../../components/figure-card.tsx";
import { formatDuration } from "../../../lib/format-duration.ts";
import { useLocale } from "../../../lib/i18n.ts";
import { courseStatsQueryOptions, type CourseStats as Stats } from "../api/courses-api.ts";
import { useCoursesT } from "../i18n.ts";
import { HomeworkTurnaround } from "./homework-turnaround.tsx";
import { LessonDropOff } from "./lesson-drop-off.tsx";

const tariffs = tariffName.options;
const statuses = enrollmentStatus.options;

const countOf = (stats: Stats, match: (row: Stats["enrollments"][number]) => boolean) =>
  stats.enrollments.filter(match).reduce((sum, row) => sum + row.count, 0);

/** The stats tab: headline figures, places by tariff, the drop-off by lesson and review turnaround. */
export function CourseStats({ courseId }: { courseId: string }) {
  const t = useCoursesT();
  const locale = useLocale();
  const { data: stats } = useQuery(courseStatsQueryOptions(courseId));
  if (!stats) return null;
  const enrolled = countOf(stats, (r) => r.status !== "refunded");
  const { homework } = stats;
  return (
    <div className="space-y-6" data-testid="course-stats">
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <FigureCard
          label={t("stats.enrolled")}
          value={String(enrolled)}
          hint={t("stats.enrolledHint")}
          testId="stat-enrolled"
        />
        <FigureCard
          label={t("stats.active")}
          value={String(countOf(stats, (r) => r.status === "active"))}
          testId="stat-active"
        />
        <FigureCard
          label={t("stats.completed")}
          value={String(countOf(stats, (r) => r.status === "completed"))}
          testId="stat-completed"
        />
        <FigureCard
          label={t("stats.median")}
          value={formatDuration(locale, homework.median_seconds)}
          hint={t("stats.medianHint", { p90: formatDuration(locale, homework.p90_seconds) })}
          testId="stat-median"
        />
      </div>
      <LessonDropOff lessons={stats.lessons} enrolled={enrolled} />
      <div className="grid gap-6 xl:grid-cols-2">
        {/* min-w-0: a wide table scrolls inside its card instead of widening the page on a phone. */}
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>{t("stats.byTariff")}</CardTitle>
          </CardHeader>
          <CardContent>
            <Table aria-label={t("stats.byTariff")}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("stats.tariff")}</TableHead>
                  {statuses.map((s) => (
                    <TableHead key={s}>{t(`enrollments.statuses.${s}`)}</TableHead>
                  ))}
                  <TableHead>{t("stats.total")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {tariffs.map((tariff) => (
                  <TableRow key={tariff}>
                    <TableCell>{tariff}</TableCell>
                    {statuses.map((s) => (
                      <TableCell key={s} className="tabular-nums">
                        {countOf(stats, (r) => r.tariff === tariff && r.status === s)}
                      </TableCell>
                    ))}
                    <TableCell className="tabular-nums">
                      {countOf(stats, (r) => r.tariff === tariff)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
        <div className="min-w-0 space-y-4">
          {/* A block of its own, so the figure keeps its height beside the taller tariff table. */}
          <div>
            <FigureCard
              label={t("stats.pending")}
              value={String(homework.queued + homework.in_review)}
              hint={t("stats.pendingHint", { queued: homework.queued, inReview: homework.in_review })}
              testId="stat-pending"
            />
          </div>
          <HomeworkTurnaround homework={homework} />
        </div>
      </div>
    </div>
  );
}
