import { Tabs, TabsList, TabsTrigger } from "@lumen/ui/components/tabs";
import { useSuspenseQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { ArrowLeftIcon } from "lucide-react";
import { PageHeader } from "../../components/page-header.tsx";
import { can, useMe } from "../../lib/auth.ts";
import { courseQueryOptions, lessonsQueryOptions } from "./api/courses-api.ts";
import { CourseEditor } from "./components/course-editor.tsx";
import { CourseStats } from "./components/course-stats.tsx";
import { EnrollmentsTable } from "./components/enrollments-table.tsx";
import { LessonList } from "./components/lesson-list.tsx";
import { TariffChats } from "./components/tariff-chats.tsx";
import { useCoursesT } from "./i18n.ts";

const route = getRouteApi("/_authed/courses/$id");

/**
 * One course: its fields, lessons in order with previews, tariffs with chats, and its students;
 * the stats tab (kept in the URL, so a link opens it) shows how the course is going.
 */
export function CoursePage() {
  const t = useCoursesT();
  const { id } = route.useParams();
  const { tab } = route.useSearch();
  const navigate = useNavigate({ from: "/courses/$id" });
  const canEdit = can(useMe(), "admin");
  const { data: course } = useSuspenseQuery(courseQueryOptions(id));
  const { data: lessons } = useSuspenseQuery(lessonsQueryOptions(id));
  return (
    <div className="space-y-6">
      <div>
        <Link
          to="/courses"
          className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:underline"
        >
          <ArrowLeftIcon className="size-4" aria-hidden />
          {t("course.back")}
        </Link>
        <PageHeader title={course.title} description={<span className="font-mono">{course.code}</span>} />
      </div>
      <Tabs
        value={tab ?? "course"}
        onValueChange={(value) =>
          navigate({ search: { tab: value === "stats" ? "stats" : undefined }, replace: true })
        }
      >
        <TabsList>
          <TabsTrigger value="course">{t("stats.tabCourse")}</TabsTrigger>
          <TabsTrigger value="stats">{t("stats.tabStats")}</TabsTrigger>
        </TabsList>
      </Tabs>
      {tab === "stats" ? (
        <CourseStats courseId={id} />
      ) : (
        <>
          <div className="grid gap-6 xl:grid-cols-2">
            <CourseEditor course={course} canEdit={canEdit} />
            <TariffChats courseId={id} canEdit={canEdit} />
          </div>
          <LessonList courseId={id} canEdit={canEdit} />
          <EnrollmentsTable courseCode={course.code} lessonCount={lessons.items.length} />
        </>
      )}
    </div>
  );
}
