import { FileIcon, ImageIcon, MicIcon, VideoIcon } from "lucide-react";
import type { LessonValues } from "../api/courses-api.ts";
import { useCoursesT } from "../i18n.ts";
import { LessonTelegramMedia } from "./lesson-telegram-media.tsx";
import { TelegramHtml } from "./telegram-html.tsx";

const mediaIcons = { photo: ImageIcon, video: VideoIcon, document: FileIcon, voice: MicIcon };
const isUrl = (ref: string) => /^https?:\/\//i.test(ref);

/**
 * A lesson as the bot sends it (see the server's lesson-message.ts): the media first, then the
 * text with its heading and homework and the "Mark as done" button, then the quiz. A saved lesson
 * (`source`) shows its Telegram file itself, downloaded through the course's bot.
 */
export function LessonPreview({
  lesson,
  day,
  source,
}: {
  lesson: LessonValues;
  day?: number;
  source?: { courseId: string; lessonId: string } | undefined;
}) {
  const t = useCoursesT();
  const Icon = lesson.media_kind ? mediaIcons[lesson.media_kind] : null;
  const bubble =
    "max-w-full rounded-2xl rounded-bl-sm bg-white px-3 py-2 text-sm shadow-sm break-words text-black";
  return (
    <div className="space-y-2 rounded-lg bg-[#8fb28a]/60 p-3" data-testid="lesson-preview">
      {Icon && lesson.media_ref && isUrl(lesson.media_ref) ? (
        <div className={`${bubble} flex items-center gap-2`}>
          <Icon className="size-5 shrink-0 text-sky-700" aria-hidden />
          <span className="truncate text-xs">
            {t("course.mediaFrom", {
              kind: t(`lesson.mediaKinds.${lesson.media_kind ?? "photo"}`),
              ref: lesson.media_ref,
            })}
          </span>
        </div>
      ) : lesson.media_kind && lesson.media_ref && source ? (
        <LessonTelegramMedia
          key={`${source.lessonId}:${lesson.media_kind}:${lesson.media_ref}`}
          kind={lesson.media_kind}
          courseId={source.courseId}
          lessonId={source.lessonId}
          fileId={lesson.media_ref}
        />
      ) : Icon && lesson.media_ref ? (
        // A lesson not saved yet has no file the server could fetch: a placeholder with its kind.
        <div className={`${bubble} flex items-center gap-3`} data-testid="telegram-file">
          <div className="flex size-12 shrink-0 items-center justify-center rounded-xl bg-sky-100">
            <Icon className="size-6 text-sky-700" aria-hidden />
          </div>
          <div className="min-w-0">
            <p className="text-xs font-medium">
              {t("lesson.telegramFile", { kind: t(`lesson.mediaKinds.${lesson.media_kind ?? "photo"}`) })}
            </p>
            <p className="truncate font-mono text-[10px] text-neutral-500" title={lesson.media_ref}>
              {lesson.media_ref}
            </p>
            <p className="text-[10px] text-neutral-500">{t("lesson.telegramFileHint")}</p>
          </div>
        </div>
      ) : null}
      <div>
        <div className={`${bubble} space-y-2 whitespace-pre-wrap`}>
          <p className="font-semibold">
            {day ? `${t("course.day", { n: day })} · ` : ""}
            {lesson.title}
          </p>
          <div>
            <TelegramHtml html={lesson.text} />
          </div>
          {lesson.homework_prompt ? (
            <p>
              📝 {t("course.homework")}: {lesson.homework_prompt}
              {lesson.homework_required ? ` (${t("course.required")})` : ""}
            </p>
          ) : null}
        </div>
        <div className="mt-1 rounded-lg bg-white/70 py-1.5 text-center text-xs font-medium text-sky-800">
          {t("course.markDone")}
        </div>
      </div>
      {lesson.quiz ? (
        <div>
          <div className={bubble}>❓ {lesson.quiz.question}</div>
          <div className="mt-1 grid gap-1">
            {lesson.quiz.options.map((o, i) => (
              <div
                // biome-ignore lint/suspicious/noArrayIndexKey: options may repeat while typed
                key={i}
                className="rounded-lg bg-white/70 py-1.5 text-center text-xs font-medium text-sky-800"
              >
                {o}
              </div>
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
