import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@lumen/ui/components/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@lumen/ui/components/table";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CourseStats } from "../api/courses-api.ts";
import { useCoursesT } from "../i18n.ts";
import { percentOf } from "./stats-format.ts";

const tooltipStyle = {
  background: "var(--popover)",
  borderColor: "var(--border)",
  color: "var(--popover-foreground)",
};

/**
 * How far students get: per lesson, how many it reached and how many finished it, as a chart
 * (the fall from bar to bar is the drop-off) and as a table with the quiz answers.
 */
export function LessonDropOff({ lessons, enrolled }: { lessons: CourseStats["lessons"]; enrolled: number }) {
  const t = useCoursesT();
  const data = lessons.map((l) => ({
    name: t("stats.day", { n: l.position }),
    reached: l.reached,
    completed: l.completed,
  }));
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("stats.dropOff")}</CardTitle>
        <CardDescription>{t("stats.dropOffHint")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {lessons.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("stats.noLessons")}</p>
        ) : (
          <>
            <div className="h-64" data-testid="drop-off-chart">
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
                  <CartesianGrid vertical={false} strokeDasharray="3 3" className="stroke-border" />
                  <XAxis dataKey="name" tickLine={false} axisLine={false} fontSize={11} />
                  <YAxis width={32} allowDecimals={false} tickLine={false} axisLine={false} fontSize={11} />
                  <Tooltip contentStyle={tooltipStyle} />
                  <Legend />
                  <Bar
                    dataKey="reached"
                    name={t("stats.reached")}
                    fill="var(--chart-1)"
                    radius={[3, 3, 0, 0]}
                    isAnimationActive={false}
                  />
                  <Bar
                    dataKey="completed"
                    name={t("stats.finished")}
                    fill="var(--chart-2)"
                    radius={[3, 3, 0, 0]}
                    isAnimationActive={false}
                  />
                </BarChart>
              </ResponsiveContainer>
            </div>
            <Table aria-label={t("stats.dropOff")}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("stats.lesson")}</TableHead>
                  <TableHead>{t("stats.reached")}</TableHead>
                  <TableHead>{t("stats.finished")}</TableHead>
                  <TableHead className="hidden sm:table-cell">{t("stats.ofEnrolled")}</TableHead>
                  <TableHead>{t("stats.quiz")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {lessons.map((l) => (
                  <TableRow key={l.lesson_id}>
                    <TableCell>
                      <span className="tabular-nums">{l.position}.</span> {l.title}
                    </TableCell>
                    <TableCell className="tabular-nums">{l.reached}</TableCell>
                    <TableCell className="tabular-nums">{l.completed}</TableCell>
                    <TableCell className="hidden tabular-nums sm:table-cell">
                      {percentOf(l.completed, enrolled)}
                    </TableCell>
                    <TableCell className="tabular-nums">
                      {l.has_quiz
                        ? t("stats.quizOf", { correct: l.quiz_correct, answered: l.quiz_answered })
                        : t("stats.noQuiz")}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </CardContent>
    </Card>
  );
}
