import { Card, CardContent } from "@lumen/ui/components/card";
import { Checkbox } from "@lumen/ui/components/checkbox";
import { Input } from "@lumen/ui/components/input";
import { Label } from "@lumen/ui/components/label";
import { toast } from "@lumen/ui/components/sonner";
import { Textarea } from "@lumen/ui/components/textarea";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useEffect } from "react";
import { Controller, useForm } from "react-hook-form";
import { FormField } from "../../components/form-field.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { isApiError } from "../../lib/api.ts";
import {
  type BroadcastRow,
  botsQueryOptions,
  broadcastKeys,
  coursesQueryOptions,
  saveBroadcast,
  savedListsQueryOptions,
} from "./api/broadcasts-api.ts";
import { AudienceCounter } from "./components/audience-counter.tsx";
import { ButtonFields } from "./components/button-fields.tsx";
import {
  blankComposer,
  type ComposerValues,
  composerOf,
  formFieldOf,
  requestOf,
  segmentParamsOf,
} from "./components/composer-values.ts";
import { ListUpload } from "./components/list-upload.tsx";
import { useBroadcastsT } from "./i18n.ts";

const selectClass =
  "h-9 w-full rounded-md border border-input bg-transparent px-3 text-sm shadow-xs outline-none focus-visible:ring-2 focus-visible:ring-ring";
const segments = [
  "everyone",
  "language",
  "trial",
  "paying",
  "active_plan",
  "plan_ending",
  "plan_expired",
  "never_paid",
  "inactive",
  "course",
  "list",
] as const;

/**
 * Writes a broadcast: bot, audience (with the live count of who it reaches now), the text per
 * language, media, buttons and pace. Saving keeps it as a draft; it is sent from its page.
 */
export function ComposerPage({ broadcast }: { broadcast?: BroadcastRow | undefined }) {
  const t = useBroadcastsT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const bots = useQuery(botsQueryOptions());
  const lists = useQuery(savedListsQueryOptions());
  const firstBot = bots.data?.items[0]?.id ?? "";
  const form = useForm<ComposerValues>({
    defaultValues: broadcast ? composerOf(broadcast) : blankComposer(firstBot),
  });
  const { register, watch, setValue, formState } = form;
  useEffect(() => {
    if (!broadcast && firstBot && !form.getValues("bot_id")) setValue("bot_id", firstBot);
  }, [broadcast, firstBot, form, setValue]);
  const values = watch();
  const courses = useQuery({ ...coursesQueryOptions(), enabled: values.segment === "course" });
  const save = useMutation({
    mutationFn: saveBroadcast,
    meta: { form: true },
    onSuccess: async (saved) => {
      toast.success(t("form.saved"));
      await queryClient.invalidateQueries({ queryKey: broadcastKeys.all });
      await navigate({ to: "/broadcasts/$id", params: { id: saved.id } });
    },
    onError: (error) => {
      const field = isApiError(error) && error.field ? formFieldOf(error.field) : null;
      if (field && isApiError(error))
        form.setError(field, { type: "server", message: error.message }, { shouldFocus: true });
      else toast.error(isApiError(error) ? error.message : String(error));
    },
  });
  const needsDays = values.segment === "plan_ending" || values.segment === "inactive";
  const needsProduct = ["active_plan", "plan_ending", "plan_expired"].includes(values.segment);
  const err = (name: keyof ComposerValues) => formState.errors[name]?.message;
  return (
    <div className="max-w-3xl">
      <PageHeader title={broadcast ? t("form.editTitle") : t("form.newTitle")} />
      <form
        className="grid gap-6"
        noValidate
        onSubmit={form.handleSubmit((v) => save.mutate({ id: broadcast?.id ?? null, body: requestOf(v) }))}
      >
        <Card>
          <CardContent className="grid gap-4 sm:grid-cols-2">
            <FormField label={t("form.bot")} error={err("bot_id")}>
              {(p) => (
                <select {...p} className={selectClass} {...register("bot_id")}>
                  {bots.data?.items.map((b) => (
                    <option key={b.id} value={b.id}>
                      @{b.username}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label={t("form.title")} error={err("title")}>
              {(p) => <Input {...p} {...register("title")} />}
            </FormField>
            <FormField label={t("form.segment")} error={err("segment")}>
              {(p) => (
                <select {...p} className={selectClass} {...register("segment")}>
                  {segments.map((s) => (
                    <option key={s} value={s}>
                      {t(`segments.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            {values.segment === "language" ? (
              <FormField label={t("form.language")} error={err("language")}>
                {(p) => (
                  <select {...p} className={selectClass} {...register("language")}>
                    <option value="en">English</option>
                    <option value="ru">Русский</option>
                  </select>
                )}
              </FormField>
            ) : null}
            {needsDays ? (
              <FormField label={t("form.days")} error={err("days")}>
                {(p) => <Input {...p} type="number" min={1} {...register("days")} />}
              </FormField>
            ) : null}
            {needsProduct ? (
              <FormField label={t("form.product")} error={err("product_id")}>
                {(p) => <Input {...p} {...register("product_id")} />}
              </FormField>
            ) : null}
            {values.segment === "course" ? (
              <FormField label={t("form.course")} error={err("course_code")}>
                {(p) => (
                  <select {...p} className={selectClass} {...register("course_code")}>
                    <option value="">{t("form.anyCourse")}</option>
                    {courses.data?.items.map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.title} ({c.code})
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
            ) : null}
            {values.segment === "list" ? (
              <div className="grid gap-3 sm:col-span-2">
                <FormField
                  label={t("form.list")}
                  error={err("list_id")}
                  hint={lists.data?.items.length ? undefined : t("form.noLists")}
                >
                  {(p) => (
                    <select {...p} className={selectClass} {...register("list_id")}>
                      <option value="" />
                      {lists.data?.items.map((l) => (
                        <option key={l.id} value={l.id}>
                          {l.name} ({l.size})
                        </option>
                      ))}
                    </select>
                  )}
                </FormField>
                <ListUpload onSaved={(id) => setValue("list_id", id)} />
              </div>
            ) : null}
            <div className="sm:col-span-2">
              <AudienceCounter
                body={{
                  bot_id: values.bot_id,
                  segment: values.segment,
                  segment_params: segmentParamsOf(values),
                }}
              />
            </div>
          </CardContent>
        </Card>
        <Card>
          <CardContent className="grid gap-4">
            <FormField label={t("form.textEn")} error={err("text_en")} hint={t("form.textHint")}>
              {(p) => <Textarea {...p} rows={5} {...register("text_en")} />}
            </FormField>
            <FormField label={t("form.textRu")} error={err("text_ru")}>
              {(p) => <Textarea {...p} rows={5} {...register("text_ru")} />}
            </FormField>
            <div className="grid gap-4 sm:grid-cols-3">
              <FormField label={t("form.fallback")}>
                {(p) => (
                  <select {...p} className={selectClass} {...register("fallback_language")}>
                    <option value="en">English</option>
                    <option value="ru">Русский</option>
                  </select>
                )}
              </FormField>
              <FormField label={t("form.mediaKind")}>
                {(p) => (
                  <select {...p} className={selectClass} {...register("media_kind")}>
                    <option value="">{t("form.mediaNone")}</option>
                    <option value="photo">Photo</option>
                    <option value="video">Video</option>
                    <option value="document">Document</option>
                  </select>
                )}
              </FormField>
              {values.media_kind ? (
                <FormField label={t("form.mediaFile")} error={err("media_file")}>
                  {(p) => <Input {...p} {...register("media_file")} />}
                </FormField>
              ) : null}
            </div>
            <ButtonFields control={form.control} register={register} watchKinds={values.buttons} />
            {formState.errors.buttons?.message ? (
              <p className="text-sm text-destructive" data-field-error>
                {formState.errors.buttons.message}
              </p>
            ) : null}
          </CardContent>
        </Card>
        <Card>
          <CardContent className="grid gap-4 sm:grid-cols-2">
            <FormField label={t("form.rate")} error={err("rate_per_second")}>
              {(p) => <Input {...p} type="number" min={1} max={1000} {...register("rate_per_second")} />}
            </FormField>
            <div className="flex items-center gap-2 self-end pb-2">
              <Controller
                control={form.control}
                name="allow_paid_broadcast"
                render={({ field }) => (
                  <Checkbox
                    id="allow-paid"
                    checked={field.value}
                    onCheckedChange={(v) => field.onChange(v === true)}
                  />
                )}
              />
              <Label htmlFor="allow-paid" className="text-sm font-normal">
                {t("form.paid")}
              </Label>
            </div>
          </CardContent>
        </Card>
        <div>
          <SubmitButton pending={save.isPending}>{t("form.save")}</SubmitButton>
        </div>
      </form>
    </div>
  );
}
