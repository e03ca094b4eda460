import { zodResolver } from "@hookform/resolvers/zod";
import { lessonRequest } from "@lumen/contracts";
import { Checkbox } from "@lumen/ui/components/checkbox";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@lumen/ui/components/dialog";
import { Input } from "@lumen/ui/components/input";
import { Label } from "@lumen/ui/components/label";
import { toast } from "@lumen/ui/components/sonner";
import { Textarea } from "@lumen/ui/components/textarea";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect } from "react";
import { Controller, useForm } from "react-hook-form";
import { z } from "zod";
import { FormField } from "../../../components/form-field.tsx";
import { SubmitButton } from "../../../components/submit-button.tsx";
import { ApiError } from "../../../lib/api.ts";
import { setFieldErrors } from "../../../lib/query-client.ts";
import { courseKeys, type Lesson, type LessonValues, saveLesson } from "../api/courses-api.ts";
import { useCoursesT } from "../i18n.ts";
import { LessonPreview } from "./lesson-preview.tsx";
import { selectClass } from "./select-class.ts";
import { SendLessonMedia } from "./send-lesson-media.tsx";

const mediaKinds = ["photo", "video", "document", "voice"] as const;

/** The lesson contract with its quiz spread over plain inputs (options one a line, answer from 1). */
const lessonForm = lessonRequest.omit({ quiz: true }).extend({
  quiz_question: z.string().trim().max(300),
  quiz_options: z.string().max(2000),
  quiz_answer: z.number().int().min(1).max(10),
});
type FormInput = z.input<typeof lessonForm>;
type FormValues = z.output<typeof lessonForm>;

const blank: FormInput = {
  title: "",
  text: "",
  media_kind: null,
  media_ref: null,
  homework_prompt: null,
  homework_required: false,
  quiz_question: "",
  quiz_options: "",
  quiz_answer: 1,
};

const valuesOf = (l: Lesson): FormInput => ({
  title: l.title,
  text: l.text,
  media_kind: l.media_kind,
  media_ref: l.media_ref,
  homework_prompt: l.homework_prompt,
  homework_required: l.homework_required,
  quiz_question: l.quiz?.question ?? "",
  quiz_options: l.quiz?.options.join("\n") ?? "",
  quiz_answer: (l.quiz?.answer ?? 0) + 1,
});

export function toLessonRequest(v: FormInput): LessonValues {
  const { quiz_question, quiz_options, quiz_answer, ...rest } = v;
  const options = quiz_options
    .split("\n")
    .map((o) => o.trim())
    .filter(Boolean);
  return {
    ...rest,
    media_kind: rest.media_ref ? (rest.media_kind ?? null) : null,
    quiz: quiz_question.trim() ? { question: quiz_question, options, answer: quiz_answer - 1 } : null,
  };
}

const nullIfEmpty = (v: unknown) => (v === "" || v === null ? null : v);

/** Adds a lesson at the end of the course or edits one, with its preview as the bot sends it. */
export function LessonFormDialog({
  courseId,
  lesson,
  open,
  onOpenChange,
}: {
  courseId: string;
  lesson?: Lesson | undefined;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const t = useCoursesT();
  const queryClient = useQueryClient();
  const form = useForm<FormInput, unknown, FormValues>({
    resolver: zodResolver(lessonForm),
    defaultValues: lesson ? valuesOf(lesson) : blank,
  });
  useEffect(() => {
    if (open) form.reset(lesson ? valuesOf(lesson) : blank);
  }, [open, lesson, form]);
  const fillCapturedMedia = useCallback(
    (media: { kind: NonNullable<FormInput["media_kind"]>; ref: string }) => {
      form.setValue("media_kind", media.kind, { shouldDirty: true });
      form.setValue("media_ref", media.ref, { shouldDirty: true });
    },
    [form],
  );
  const mutation = useMutation({
    mutationFn: saveLesson,
    meta: { form: true },
    onSuccess: async (saved) => {
      toast.success(t("lesson.saved", { title: saved.title }));
      await queryClient.invalidateQueries({ queryKey: courseKeys.lessons(courseId) });
      onOpenChange(false);
    },
    onError: (error) => {
      if (
        setFieldErrors(error, form.setError, ["title", "text", "media_kind", "media_ref", "homework_prompt"])
      )
        return;
      // The quiz is one contract field spread over three inputs: its error sits under the question.
      if (error instanceof ApiError && error.field?.replace(/^body\./, "").startsWith("quiz"))
        form.setError("quiz_question", { type: "server", message: error.message }, { shouldFocus: true });
      else if (error instanceof ApiError) toast.error(error.message);
    },
  });
  const errors = form.formState.errors;
  const watched = form.watch();
  const preview = toLessonRequest({ ...blank, ...watched });
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-3xl">
        <DialogHeader>
          <DialogTitle>
            {lesson ? t("lesson.editTitle", { title: lesson.title }) : t("lesson.newTitle")}
          </DialogTitle>
        </DialogHeader>
        <div className="grid gap-6 md:grid-cols-[1fr_18rem]">
          <form
            id="lesson-form"
            className="grid gap-4"
            noValidate
            onSubmit={form.handleSubmit((values) =>
              mutation.mutate({ courseId, lessonId: lesson?.id ?? null, values: toLessonRequest(values) }),
            )}
          >
            <FormField label={t("lesson.title")} error={errors.title?.message}>
              {(p) => <Input {...p} autoFocus {...form.register("title")} />}
            </FormField>
            <FormField label={t("lesson.text")} hint={t("lesson.textHint")} error={errors.text?.message}>
              {(p) => <Textarea {...p} rows={5} {...form.register("text")} />}
            </FormField>
            <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
              <FormField label={t("lesson.mediaKind")} error={errors.media_kind?.message}>
                {(p) => (
                  <select
                    {...p}
                    className={selectClass}
                    {...form.register("media_kind", { setValueAs: nullIfEmpty })}
                  >
                    <option value="">{t("lesson.mediaNone")}</option>
                    {mediaKinds.map((k) => (
                      <option key={k} value={k}>
                        {t(`lesson.mediaKinds.${k}`)}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <FormField label={t("lesson.mediaRef")} error={errors.media_ref?.message}>
                {(p) => <Input {...p} {...form.register("media_ref", { setValueAs: nullIfEmpty })} />}
              </FormField>
            </div>
            <SendLessonMedia
              courseId={courseId}
              lessonId={lesson?.id ?? null}
              onCaptured={fillCapturedMedia}
            />
            <FormField label={t("lesson.homeworkPrompt")} error={errors.homework_prompt?.message}>
              {(p) => (
                <Textarea
                  {...p}
                  rows={2}
                  {...form.register("homework_prompt", { setValueAs: nullIfEmpty })}
                />
              )}
            </FormField>
            <Controller
              control={form.control}
              name="homework_required"
              render={({ field }) => (
                <div className="flex items-center gap-2">
                  <Checkbox
                    id="lesson-homework-required"
                    checked={field.value ?? false}
                    onCheckedChange={(v) => field.onChange(v === true)}
                  />
                  <Label htmlFor="lesson-homework-required">{t("lesson.homeworkRequired")}</Label>
                </div>
              )}
            />
            <FormField
              label={t("lesson.quizQuestion")}
              hint={t("lesson.quizHint")}
              error={errors.quiz_question?.message}
            >
              {(p) => <Input {...p} {...form.register("quiz_question")} />}
            </FormField>
            {watched.quiz_question?.trim() ? (
              <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
                <FormField label={t("lesson.quizOptions")} error={errors.quiz_options?.message}>
                  {(p) => <Textarea {...p} rows={3} {...form.register("quiz_options")} />}
                </FormField>
                <FormField label={t("lesson.quizAnswer")} error={errors.quiz_answer?.message}>
                  {(p) => (
                    <Input
                      {...p}
                      type="number"
                      min={1}
                      {...form.register("quiz_answer", { valueAsNumber: true })}
                    />
                  )}
                </FormField>
              </div>
            ) : null}
          </form>
          <div className="space-y-2">
            <p className="text-sm font-medium">{t("course.preview")}</p>
            <LessonPreview lesson={preview} source={lesson ? { courseId, lessonId: lesson.id } : undefined} />
          </div>
        </div>
        <DialogFooter>
          <SubmitButton form="lesson-form" pending={mutation.isPending}>
            {lesson ? t("lesson.save") : t("lesson.submit")}
          </SubmitButton>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
