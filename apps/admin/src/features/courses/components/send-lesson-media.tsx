import { Button } from "@lumen/ui/components/button";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CheckIcon, ExternalLinkIcon, Loader2Icon, SendIcon } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { formatDateTime } from "../../../components/cells.tsx";
import {
  courseKeys,
  type LessonMediaCapture,
  lessonMediaCaptureQueryOptions,
  startLessonMediaCapture,
} from "../api/courses-api.ts";
import { useCoursesT } from "../i18n.ts";

type Captured = { kind: NonNullable<LessonMediaCapture["media_kind"]>; ref: string };

/**
 * "Send media through the bot": a one-time deep link to the course's bot; the panel polls the
 * capture, and when the operator's file arrives hands its kind and file_id to the form.
 */
export function SendLessonMedia({
  courseId,
  lessonId,
  onCaptured,
}: {
  courseId: string;
  lessonId: string | null;
  onCaptured: (media: Captured) => void;
}) {
  const t = useCoursesT();
  const queryClient = useQueryClient();
  const [started, setStarted] = useState<{ id: string; url: string } | null>(null);
  const start = useMutation({
    mutationFn: startLessonMediaCapture,
    onSuccess: (capture) => {
      queryClient.setQueryData(lessonMediaCaptureQueryOptions(capture.id).queryKey, capture);
      setStarted({ id: capture.id, url: capture.url });
    },
  });
  const capture = useQuery({ ...lessonMediaCaptureQueryOptions(started?.id ?? ""), enabled: !!started });
  const handed = useRef<string | null>(null);
  const data = capture.data;
  useEffect(() => {
    if (data?.status !== "completed" || !data.media_kind || !data.media_ref || handed.current === data.id)
      return;
    handed.current = data.id;
    onCaptured({ kind: data.media_kind, ref: data.media_ref });
    void queryClient.invalidateQueries({ queryKey: courseKeys.lessons(courseId) });
  }, [data, onCaptured, queryClient, courseId]);

  if (!lessonId) return <p className="text-sm text-muted-foreground">{t("lesson.capture.saveFirst")}</p>;
  const status = data?.status ?? "waiting";
  const ask = (label: string) => (
    <Button
      type="button"
      variant="outline"
      size="sm"
      disabled={start.isPending}
      onClick={() => start.mutate({ courseId, lessonId })}
    >
      {start.isPending ? <Loader2Icon className="animate-spin" /> : <SendIcon />}
      {label}
    </Button>
  );
  if (!started || !data) return <div>{ask(t("lesson.capture.start"))}</div>;
  return (
    <div className="grid gap-2 rounded-md border bg-muted/40 p-3 text-sm" data-testid="media-capture">
      {status === "completed" ? (
        <p className="flex items-center gap-2 font-medium text-emerald-700 dark:text-emerald-400">
          <CheckIcon className="size-4" aria-hidden />
          {t("lesson.capture.completed", { kind: t(`lesson.mediaKinds.${data.media_kind ?? "photo"}`) })}
        </p>
      ) : status === "expired" ? (
        <p className="text-destructive">{t("lesson.capture.expired")}</p>
      ) : (
        <>
          <p>
            {t("lesson.capture.instruction", {
              bot: data.bot_username,
              time: formatDateTime(data.expires_at),
            })}
          </p>
          <div>
            <Button size="sm" asChild>
              <a href={started.url} target="_blank" rel="noreferrer">
                <ExternalLinkIcon />
                {t("lesson.capture.open", { bot: data.bot_username })}
              </a>
            </Button>
          </div>
          <p className="flex items-center gap-2 text-muted-foreground" role="status">
            <Loader2Icon className="size-4 animate-spin" aria-hidden />
            {status === "opened" ? t("lesson.capture.opened") : t("lesson.capture.waiting")}
          </p>
        </>
      )}
      {status === "completed" || status === "expired" ? <div>{ask(t("lesson.capture.again"))}</div> : null}
    </div>
  );
}
