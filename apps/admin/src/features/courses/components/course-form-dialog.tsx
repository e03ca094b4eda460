import { zodResolver } from "@hookform/resolvers/zod";
import { courseRequest } from "@lumen/contracts";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@lumen/ui/components/dialog";
import { Input } from "@lumen/ui/components/input";
import { toast } from "@lumen/ui/components/sonner";
import { Textarea } from "@lumen/ui/components/textarea";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { FormField } from "../../../components/form-field.tsx";
import { SubmitButton } from "../../../components/submit-button.tsx";
import { setFieldErrors } from "../../../lib/query-client.ts";
import { type CourseRequest, type CourseValues, courseKeys, createCourse } from "../api/courses-api.ts";
import { useCoursesT } from "../i18n.ts";
import { selectClass } from "./select-class.ts";

const blank: CourseRequest = { code: "", title: "", description: "", language: "en" };

/** A new course: code, title, description and language; the rest is edited on its page. */
export function CourseFormDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
}) {
  const t = useCoursesT();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm<CourseRequest, unknown, CourseValues>({
    resolver: zodResolver(courseRequest),
    defaultValues: blank,
  });
  useEffect(() => {
    if (open) form.reset(blank);
  }, [open, form]);
  const mutation = useMutation({
    mutationFn: createCourse,
    meta: { form: true },
    onSuccess: async (saved) => {
      toast.success(t("form.created", { title: saved.title }));
      await queryClient.invalidateQueries({ queryKey: courseKeys.all });
      onOpenChange(false);
      await navigate({ to: "/courses/$id", params: { id: saved.id } });
    },
    onError: (error) => setFieldErrors(error, form.setError, ["code", "title", "description", "language"]),
  });
  const errors = form.formState.errors;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{t("create")}</DialogTitle>
        </DialogHeader>
        <form
          id="course-form"
          className="grid gap-4"
          noValidate
          onSubmit={form.handleSubmit((values) => mutation.mutate(values))}
        >
          <FormField label={t("form.title")} error={errors.title?.message}>
            {(p) => <Input {...p} autoFocus {...form.register("title")} />}
          </FormField>
          <FormField label={t("form.code")} hint={t("form.codeHint")} error={errors.code?.message}>
            {(p) => <Input {...p} className="font-mono" {...form.register("code")} />}
          </FormField>
          <FormField label={t("form.description")} error={errors.description?.message}>
            {(p) => <Textarea {...p} rows={3} {...form.register("description")} />}
          </FormField>
          <FormField label={t("form.language")} error={errors.language?.message}>
            {(p) => (
              <select {...p} className={selectClass} {...form.register("language")}>
                <option value="en">{t("languages.en")}</option>
                <option value="ru">{t("languages.ru")}</option>
              </select>
            )}
          </FormField>
        </form>
        <DialogFooter>
          <SubmitButton form="course-form" pending={mutation.isPending}>
            {t("form.submit")}
          </SubmitButton>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
