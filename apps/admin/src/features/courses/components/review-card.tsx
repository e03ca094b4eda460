import { zodResolver } from "@hookform/resolvers/zod";
import { reviewRequest } from "@lumen/contracts";
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
import { Input } from "@lumen/ui/components/input";
import { toast } from "@lumen/ui/components/sonner";
import { Textarea } from "@lumen/ui/components/textarea";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { DateCell } from "../../../components/cells.tsx";
import { FormField } from "../../../components/form-field.tsx";
import { setFieldErrors } from "../../../lib/query-client.ts";
import { claimSubmission, courseKeys, reviewSubmission, type Submission } from "../api/courses-api.ts";
import { useCoursesT } from "../i18n.ts";

type FormInput = z.input<typeof reviewRequest>;
type Values = z.output<typeof reviewRequest>;

/** The feedback form of a submission the signed-in reviewer holds: grade, text, accept or redo. */
function ReviewForm({ submission }: { submission: Submission }) {
  const t = useCoursesT();
  const queryClient = useQueryClient();
  const form = useForm<FormInput, unknown, Values>({
    resolver: zodResolver(reviewRequest),
    defaultValues: { verdict: "accepted", grade: null, feedback: "" },
  });
  const mutation = useMutation({
    mutationFn: reviewSubmission,
    meta: { form: true },
    onSuccess: async () => {
      toast.success(t("reviews.sent", { name: submission.student_name }));
      await queryClient.invalidateQueries({ queryKey: courseKeys.submissions });
    },
    onError: (error) => setFieldErrors(error, form.setError, ["feedback", "grade", "verdict"]),
  });
  const errors = form.formState.errors;
  const send = (verdict: Values["verdict"]) =>
    form.handleSubmit((values) => mutation.mutate({ id: submission.id, values: { ...values, verdict } }))();
  return (
    <form className="grid gap-3" noValidate onSubmit={(e) => e.preventDefault()}>
      <FormField label={t("reviews.feedback")} error={errors.feedback?.message}>
        {(p) => <Textarea {...p} rows={4} {...form.register("feedback")} />}
      </FormField>
      <FormField label={t("reviews.grade")} error={errors.grade?.message} className="max-w-40">
        {(p) => (
          <Input
            {...p}
            type="number"
            min={1}
            max={10}
            {...form.register("grade", { setValueAs: (v) => (v === "" || v === null ? null : Number(v)) })}
          />
        )}
      </FormField>
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={mutation.isPending} onClick={() => send("accepted")}>
          {t("reviews.accept")}
        </Button>
        <Button type="button" variant="outline" disabled={mutation.isPending} onClick={() => send("redo")}>
          {t("reviews.redo")}
        </Button>
      </div>
    </form>
  );
}

/** One submission in the queue: what was asked, what the student sent, and take or review it. */
export function ReviewCard({ submission: s, meId }: { submission: Submission; meId: string }) {
  const t = useCoursesT();
  const queryClient = useQueryClient();
  const claim = useMutation({
    mutationFn: claimSubmission,
    meta: { successMessage: t("reviews.claimed") },
    onSettled: () => queryClient.invalidateQueries({ queryKey: courseKeys.submissions }),
  });
  const mine = s.status === "in_review" && s.reviewer_id === meId;
  // Someone else holds it: say who, and offer no "Take" (the server refuses it anyway).
  const held = s.status === "in_review" && !mine;
  return (
    <Card data-testid="submission">
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2">
          {t("reviews.lessonOf", { n: s.lesson_position, title: s.lesson_title })}
          <Badge variant={s.tariff === "PREMIUM" ? "default" : "secondary"}>{s.tariff}</Badge>
          <Badge variant="outline">
            {s.status === "queued" ? t("reviews.queued") : t("reviews.inReview")}
          </Badge>
        </CardTitle>
        <CardDescription>
          {s.course_title} · {t("reviews.from", { name: s.student_name })} · <DateCell value={s.created_at} />
        </CardDescription>
        {held ? (
          <CardAction>
            <Badge variant="secondary" data-testid="taken-by">
              {t("reviews.takenBy", { reviewer: s.reviewer_email ?? t("reviews.someone") })}
            </Badge>
          </CardAction>
        ) : mine ? null : (
          <CardAction>
            <Button size="sm" onClick={() => claim.mutate(s.id)} disabled={claim.isPending}>
              {t("reviews.claim")}
            </Button>
          </CardAction>
        )}
      </CardHeader>
      <CardContent className="grid gap-4">
        {s.homework_prompt ? (
          <p className="text-sm text-muted-foreground">
            {t("reviews.prompt")}: {s.homework_prompt}
          </p>
        ) : null}
        <ul className="grid gap-2">
          {s.items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a submission's items never reorder
            <li key={i} className="rounded-md bg-muted/50 px-3 py-2 text-sm">
              {item.kind === "text" ? (
                <p className="whitespace-pre-wrap">{item.text}</p>
              ) : (
                <p>
                  <span className="font-medium">
                    {t("reviews.mediaItem", { kind: t(`reviews.itemKinds.${item.kind}`) })}
                  </span>
                  : <code className="break-all text-xs">{item.file_id}</code>
                  {item.text ? <span className="block whitespace-pre-wrap">{item.text}</span> : null}
                </p>
              )}
            </li>
          ))}
        </ul>
        {mine ? <ReviewForm submission={s} /> : null}
      </CardContent>
    </Card>
  );
}
