import { zodResolver } from "@hookform/resolvers/zod";
import { coursePatchRequest } from "@lumen/contracts";
import { Card, CardContent, CardHeader, CardTitle } from "@lumen/ui/components/card";
import { Input } from "@lumen/ui/components/input";
import { toast } from "@lumen/ui/components/sonner";
import { Textarea } from "@lumen/ui/components/textarea";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormField } from "../../../components/form-field.tsx";
import { SubmitButton } from "../../../components/submit-button.tsx";
import { setFieldErrors } from "../../../lib/query-client.ts";
import { type Course, courseKeys, patchCourse } from "../api/courses-api.ts";
import { useCoursesT } from "../i18n.ts";
import { selectClass } from "./select-class.ts";

type FormInput = z.input<typeof coursePatchRequest>;
type Values = z.output<typeof coursePatchRequest>;

const valuesOf = (c: Course): FormInput => ({
  title: c.title,
  description: c.description,
  language: c.language,
  status: c.status,
  reviewers_chat_id: c.reviewers_chat_id,
});

/** The course's own fields: title, description, language, status and the reviewers' chat. */
export function CourseEditor({ course, canEdit }: { course: Course; canEdit: boolean }) {
  const t = useCoursesT();
  const queryClient = useQueryClient();
  const form = useForm<FormInput, unknown, Values>({
    resolver: zodResolver(coursePatchRequest),
    values: valuesOf(course),
  });
  const mutation = useMutation({
    mutationFn: patchCourse,
    meta: { form: true },
    onSuccess: async () => {
      toast.success(t("form.saved"));
      await queryClient.invalidateQueries({ queryKey: courseKeys.all });
    },
    onError: (error) =>
      setFieldErrors(error, form.setError, [
        "title",
        "description",
        "language",
        "status",
        "reviewers_chat_id",
      ]),
  });
  const errors = form.formState.errors;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("course.editor")}</CardTitle>
      </CardHeader>
      <CardContent>
        <form
          className="grid gap-4"
          noValidate
          onSubmit={form.handleSubmit((values) => mutation.mutate({ id: course.id, values }))}
        >
          <fieldset disabled={!canEdit} className="grid gap-4">
            <FormField label={t("form.title")} error={errors.title?.message}>
              {(p) => <Input {...p} {...form.register("title")} />}
            </FormField>
            <FormField label={t("form.description")} error={errors.description?.message}>
              {(p) => <Textarea {...p} rows={4} {...form.register("description")} />}
            </FormField>
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField label={t("form.language")} error={errors.language?.message}>
                {(p) => (
                  <select {...p} className={selectClass} {...form.register("language")}>
                    <option value="en">{t("languages.en")}</option>
                    <option value="ru">{t("languages.ru")}</option>
                  </select>
                )}
              </FormField>
              <FormField label={t("form.status")} error={errors.status?.message}>
                {(p) => (
                  <select {...p} className={selectClass} {...form.register("status")}>
                    <option value="draft">{t("statuses.draft")}</option>
                    <option value="published">{t("statuses.published")}</option>
                  </select>
                )}
              </FormField>
            </div>
            <FormField
              label={t("form.reviewersChat")}
              hint={t("form.reviewersChatHint")}
              error={errors.reviewers_chat_id?.message}
            >
              {(p) => (
                <Input
                  {...p}
                  inputMode="numeric"
                  {...form.register("reviewers_chat_id", {
                    setValueAs: (v) => (v === "" || v === null ? null : Number(v)),
                  })}
                />
              )}
            </FormField>
          </fieldset>
          {canEdit ? (
            <div>
              <SubmitButton pending={mutation.isPending}>{t("form.save")}</SubmitButton>
            </div>
          ) : null}
        </form>
      </CardContent>
    </Card>
  );
}
