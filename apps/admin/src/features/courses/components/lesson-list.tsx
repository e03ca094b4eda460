import { Badge } from "@lumen/ui/components/badge";
import { Button } from "@lumen/ui/components/button";
import {
  Card,
  CardAction,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from "@lumen/ui/components/card";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { ArrowDownIcon, ArrowUpIcon, GripVerticalIcon, PencilIcon, PlusIcon } from "lucide-react";
import { useState } from "react";
import { courseKeys, type Lesson, lessonsQueryOptions, reorderLessons } from "../api/courses-api.ts";
import { useCoursesT } from "../i18n.ts";
import { LessonFormDialog } from "./lesson-form-dialog.tsx";
import { LessonPreview } from "./lesson-preview.tsx";

/** The course's lessons in delivery order: add, edit, drag or move up and down, and preview each. */
export function LessonList({ courseId, canEdit }: { courseId: string; canEdit: boolean }) {
  const t = useCoursesT();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(lessonsQueryOptions(courseId));
  const lessons = data.items;
  const [editing, setEditing] = useState<Lesson | null>(null);
  const [adding, setAdding] = useState(false);
  const [previewing, setPreviewing] = useState<string | null>(null);
  const reorder = useMutation({
    mutationFn: reorderLessons,
    meta: { successMessage: t("course.reordered") },
    onSuccess: (saved) => queryClient.setQueryData(courseKeys.lessons(courseId), saved),
    onError: () => queryClient.invalidateQueries({ queryKey: courseKeys.lessons(courseId) }),
  });
  const [dragged, setDragged] = useState<number | null>(null);
  /** Moves the lesson at `from` to `to` (the buttons move by one; a drag moves anywhere). */
  const move = (from: number, to: number) => {
    if (from === to || to < 0 || to >= lessons.length) return;
    const ids = lessons.map((l) => l.id);
    const [id] = ids.splice(from, 1);
    if (id === undefined) return;
    ids.splice(to, 0, id);
    reorder.mutate({ courseId, lessonIds: ids });
  };
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("course.lessons")}</CardTitle>
        <CardDescription>{t("course.lessonsHint")}</CardDescription>
        {canEdit ? (
          <CardAction>
            <Button size="sm" onClick={() => setAdding(true)}>
              <PlusIcon aria-hidden />
              {t("course.addLesson")}
            </Button>
          </CardAction>
        ) : null}
      </CardHeader>
      <CardContent>
        {lessons.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("course.noLessons")}</p>
        ) : null}
        <ol className="divide-y" aria-label={t("course.lessons")}>
          {lessons.map((l, i) => (
            <li
              key={l.id}
              className={`py-2 ${dragged === i ? "opacity-50" : ""}`}
              data-testid="lesson-row"
              draggable={canEdit && !reorder.isPending}
              onDragStart={() => setDragged(i)}
              onDragEnd={() => setDragged(null)}
              onDragOver={(e) => dragged !== null && e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                if (dragged !== null) move(dragged, i);
                setDragged(null);
              }}
            >
              <div className="flex flex-wrap items-center gap-2">
                {canEdit ? (
                  <GripVerticalIcon
                    className="size-4 shrink-0 cursor-grab text-muted-foreground"
                    aria-hidden
                  />
                ) : null}
                <span className="w-16 shrink-0 text-sm text-muted-foreground tabular-nums">
                  {t("course.day", { n: l.position })}
                </span>
                <button
                  type="button"
                  className="min-w-0 flex-1 truncate text-left font-medium underline-offset-4 hover:underline"
                  aria-expanded={previewing === l.id}
                  onClick={() => setPreviewing(previewing === l.id ? null : l.id)}
                >
                  {l.title}
                </button>
                {l.homework_prompt ? (
                  <Badge variant={l.homework_required ? "default" : "secondary"}>
                    {t("course.homework")}
                  </Badge>
                ) : null}
                {l.quiz ? <Badge variant="secondary">{t("course.quiz")}</Badge> : null}
                {canEdit ? (
                  <span className="flex gap-1">
                    <Button
                      size="icon"
                      variant="ghost"
                      aria-label={t("course.moveUp", { title: l.title })}
                      disabled={i === 0 || reorder.isPending}
                      onClick={() => move(i, i - 1)}
                    >
                      <ArrowUpIcon aria-hidden />
                    </Button>
                    <Button
                      size="icon"
                      variant="ghost"
                      aria-label={t("course.moveDown", { title: l.title })}
                      disabled={i === lessons.length - 1 || reorder.isPending}
                      onClick={() => move(i, i + 1)}
                    >
                      <ArrowDownIcon aria-hidden />
                    </Button>
                    <Button size="sm" variant="outline" onClick={() => setEditing(l)}>
                      <PencilIcon aria-hidden />
                      {t("course.editLesson")}
                    </Button>
                  </span>
                ) : null}
              </div>
              {previewing === l.id ? (
                <div className="mt-2 max-w-sm">
                  <LessonPreview lesson={l} day={l.position} source={{ courseId, lessonId: l.id }} />
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      </CardContent>
      <LessonFormDialog courseId={courseId} open={adding} onOpenChange={setAdding} />
      <LessonFormDialog
        courseId={courseId}
        lesson={editing ?? undefined}
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
      />
    </Card>
  );
}
