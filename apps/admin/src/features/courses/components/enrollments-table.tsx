import { Card, CardContent, CardHeader, CardTitle } from "@lumen/ui/components/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@lumen/ui/components/table";
import { useQuery } from "@tanstack/react-query";
import { DateCell, StatusBadge } from "../../../components/cells.tsx";
import { enrollmentsQueryOptions } from "../api/courses-api.ts";
import { useCoursesT } from "../i18n.ts";

/** The course's students with their tariff, status and how many lessons they finished. */
export function EnrollmentsTable({ courseCode, lessonCount }: { courseCode: string; lessonCount: number }) {
  const t = useCoursesT();
  const { data } = useQuery(enrollmentsQueryOptions(courseCode));
  const rows = data?.items ?? [];
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("course.students")}</CardTitle>
      </CardHeader>
      <CardContent>
        {data && rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("course.noStudents")}</p>
        ) : (
          <Table aria-label={t("course.students")}>
            <TableHeader>
              <TableRow>
                <TableHead>{t("enrollments.student")}</TableHead>
                <TableHead>{t("enrollments.tariff")}</TableHead>
                <TableHead>{t("enrollments.status")}</TableHead>
                <TableHead>{t("enrollments.progress")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("enrollments.started")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((e) => {
                const total = Math.max(lessonCount, 1);
                const pct = Math.min(100, Math.round((e.lessons_done / total) * 100));
                return (
                  <TableRow key={e.id}>
                    <TableCell>{e.student_name}</TableCell>
                    <TableCell>{e.tariff}</TableCell>
                    <TableCell>
                      <StatusBadge label={t(`enrollments.statuses.${e.status}`)} />
                    </TableCell>
                    <TableCell>
                      <div className="flex items-center gap-2">
                        <div
                          className="h-2 w-24 overflow-hidden rounded-full bg-muted"
                          role="progressbar"
                          aria-valuemin={0}
                          aria-valuemax={lessonCount}
                          aria-valuenow={e.lessons_done}
                        >
                          <div className="h-full bg-primary" style={{ width: `${pct}%` }} />
                        </div>
                        <span className="text-sm tabular-nums">
                          {t("enrollments.progressOf", { done: e.lessons_done, total: lessonCount })}
                        </span>
                      </div>
                    </TableCell>
                    <TableCell className="hidden md:table-cell">
                      <DateCell value={e.starts_at} />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
