import { useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { PageHeader } from "../../components/page-header.tsx";
import { useMe } from "../../lib/auth.ts";
import { submissionsQueryOptions } from "./api/courses-api.ts";
import { ReviewCard } from "./components/review-card.tsx";
import { selectClass } from "./components/select-class.ts";
import { useCoursesT } from "./i18n.ts";

/**
 * The homework review queue as the API orders it (PREMIUM first, then the oldest): a reviewer
 * takes a submission, then accepts it with feedback and a grade or asks to redo it.
 */
export function ReviewsPage() {
  const t = useCoursesT();
  const me = useMe();
  const { data } = useSuspenseQuery({ ...submissionsQueryOptions(), refetchInterval: 30_000 });
  const [courseId, setCourseId] = useState("");
  const courses = [...new Map(data.items.map((s) => [s.course_id, s.course_title])).entries()];
  const shown = courseId ? data.items.filter((s) => s.course_id === courseId) : data.items;
  return (
    <div>
      <PageHeader
        title={t("reviews.title")}
        description={t("reviews.description")}
        actions={
          courses.length > 1 ? (
            <select
              aria-label={t("reviews.course")}
              className={selectClass}
              value={courseId}
              onChange={(e) => setCourseId(e.target.value)}
            >
              <option value="">{t("reviews.allCourses")}</option>
              {courses.map(([id, title]) => (
                <option key={id} value={id}>
                  {title}
                </option>
              ))}
            </select>
          ) : null
        }
      />
      {shown.length === 0 ? <p className="text-muted-foreground">{t("reviews.empty")}</p> : null}
      <div className="grid max-w-3xl gap-4">
        {shown.map((s) => (
          <ReviewCard key={s.id} submission={s} meId={me.id} />
        ))}
      </div>
    </div>
  );
}
