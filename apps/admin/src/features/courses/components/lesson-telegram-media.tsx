import { useQuery } from "@tanstack/react-query";
import { AlertTriangleIcon, DownloadIcon, FileIcon, Loader2Icon } from "lucide-react";
import { useState } from "react";
import type { LessonValues } from "../api/courses-api.ts";
import { lessonMediaProblemQueryOptions, lessonMediaUrl } from "../api/lesson-media.ts";
import { useCoursesT } from "../i18n.ts";

type Kind = NonNullable<LessonValues["media_kind"]>;

/**
 * A lesson's Telegram file as the student will see it: the server downloads it through the
 * course's bot (only that bot can), and the preview shows it in an image, video or audio element,
 * or as a file card with a download link. Mount it with `key={url}` so a new file starts loading afresh.
 */
export function LessonTelegramMedia({
  kind,
  courseId,
  lessonId,
  fileId,
}: {
  kind: Kind;
  courseId: string;
  lessonId: string;
  fileId: string;
}) {
  const t = useCoursesT();
  const url = lessonMediaUrl(courseId, lessonId, fileId);
  const [state, setState] = useState<"loading" | "ready" | "failed">(
    kind === "document" ? "ready" : "loading",
  );
  const events = { onError: () => setState("failed") };
  if (state === "failed") return <MediaProblem url={url} />;
  return (
    <div className="relative" data-testid="lesson-media" data-state={state}>
      {state === "loading" ? (
        <div
          className="flex h-32 items-center justify-center gap-2 rounded-xl bg-white/70 text-xs text-neutral-600"
          role="status"
        >
          <Loader2Icon className="size-4 animate-spin" aria-hidden />
          {t("lesson.mediaLoading")}
        </div>
      ) : null}
      {kind === "photo" ? (
        <img
          src={url}
          alt={t("lesson.mediaAlt", { kind: t("lesson.mediaKinds.photo") })}
          className={`max-h-72 w-full rounded-xl bg-white object-contain ${state === "loading" ? "hidden" : ""}`}
          onLoad={() => setState("ready")}
          {...events}
        />
      ) : kind === "video" ? (
        <video
          src={url}
          controls
          preload="metadata"
          className={`max-h-72 w-full rounded-xl bg-black ${state === "loading" ? "hidden" : ""}`}
          onLoadedMetadata={() => setState("ready")}
          {...events}
        />
      ) : kind === "voice" ? (
        <audio
          src={url}
          controls
          preload="metadata"
          className={`w-full ${state === "loading" ? "hidden" : ""}`}
          onLoadedMetadata={() => setState("ready")}
          {...events}
        />
      ) : (
        <div className="flex items-center gap-3 rounded-2xl rounded-bl-sm bg-white px-3 py-2 text-sm text-black shadow-sm">
          <div className="flex size-12 shrink-0 items-center justify-center rounded-xl bg-sky-100">
            <FileIcon className="size-6 text-sky-700" aria-hidden />
          </div>
          <div className="min-w-0">
            <p className="text-xs font-medium">
              {t("lesson.telegramFile", { kind: t("lesson.mediaKinds.document") })}
            </p>
            <a
              href={url}
              download
              className="inline-flex items-center gap-1 text-xs font-medium text-sky-700 underline"
            >
              <DownloadIcon className="size-3.5" aria-hidden />
              {t("lesson.mediaDownload")}
            </a>
          </div>
        </div>
      )}
    </div>
  );
}

/** The element failed: asks the server why, and says it in the operator's language. */
function MediaProblem({ url }: { url: string }) {
  const t = useCoursesT();
  const problem = useQuery(lessonMediaProblemQueryOptions(url));
  const reason = problem.isPending ? null : (problem.data ?? "failed");
  return (
    <div
      className="flex items-start gap-2 rounded-xl bg-white px-3 py-2 text-xs text-amber-800 shadow-sm"
      data-testid="lesson-media-error"
      role={reason ? "alert" : "status"}
    >
      {reason ? (
        <AlertTriangleIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
      ) : (
        <Loader2Icon className="mt-0.5 size-4 shrink-0 animate-spin" aria-hidden />
      )}
      <span>{reason ? t(`lesson.mediaProblems.${reason}`) : t("lesson.mediaLoading")}</span>
    </div>
  );
}
