import { zodResolver } from "@hookform/resolvers/zod";
import { promoRequest } from "@lumen/contracts";
import { Checkbox } from "@lumen/ui/components/checkbox";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@lumen/ui/components/dialog";
import { Input } from "@lumen/ui/components/input";
import { Label } from "@lumen/ui/components/label";
import { toast } from "@lumen/ui/components/sonner";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { Controller, useForm } from "react-hook-form";
import { FormField } from "../../../components/form-field.tsx";
import { SubmitButton } from "../../../components/submit-button.tsx";
import { setFieldErrors } from "../../../lib/query-client.ts";
import {
  type PromoRequest,
  type PromoStatsRow,
  type PromoValues,
  promoKeys,
  savePromo,
} from "../api/promos-api.ts";
import { usePromosT } from "../i18n.ts";
import { promoKinds } from "../search.ts";

const selectClass =
  "h-9 w-full rounded-md border border-input bg-transparent px-3 text-sm shadow-xs outline-none focus-visible:ring-2 focus-visible:ring-ring";

const blank: PromoRequest = {
  code: "",
  kind: "percent_off",
  value: 10,
  currency: null,
  max_uses: null,
  once_per_user: true,
};

const valuesOf = (p: PromoStatsRow): PromoRequest => ({
  code: p.code,
  kind: p.kind,
  value: p.value,
  currency: p.currency,
  max_uses: p.max_uses,
  once_per_user: p.once_per_user,
});

/**
 * A new code, or (given `promo`) the terms of an existing one: the code and its kind stay, as the
 * API allows. The contract's schema checks the form; the server's 400 lands next to its field.
 */
export function PromoFormDialog({
  open,
  onOpenChange,
  promo,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  promo?: PromoStatsRow | undefined;
}) {
  const t = usePromosT();
  const queryClient = useQueryClient();
  const editing = promo !== undefined;
  const form = useForm<PromoRequest, unknown, PromoValues>({
    resolver: zodResolver(promoRequest),
    defaultValues: promo ? valuesOf(promo) : blank,
  });
  useEffect(() => {
    if (open) form.reset(promo ? valuesOf(promo) : blank);
  }, [open, promo, form]);
  const kind = form.watch("kind");
  const mutation = useMutation({
    mutationFn: savePromo,
    meta: { form: true },
    onSuccess: async (saved) => {
      toast.success(t(editing ? "form.saved" : "form.created", { code: saved.code }));
      await queryClient.invalidateQueries({ queryKey: promoKeys.all });
      form.reset();
      onOpenChange(false);
    },
    onError: (error) =>
      setFieldErrors(error, form.setError, ["code", "kind", "value", "currency", "max_uses"]),
  });
  const errors = form.formState.errors;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{editing ? t("form.editTitle", { code: promo.code }) : t("create")}</DialogTitle>
        </DialogHeader>
        <form
          id="promo-form"
          className="grid gap-4"
          noValidate
          onSubmit={form.handleSubmit((values) =>
            mutation.mutate({
              id: promo?.id ?? null,
              values: { ...values, currency: values.kind === "fixed_off" ? values.currency : null },
            }),
          )}
        >
          <FormField
            label={t("form.code")}
            hint={editing ? t("form.fixedHint") : t("form.codeHint")}
            error={errors.code?.message}
          >
            {(p) => (
              <Input
                {...p}
                className="font-mono uppercase"
                autoFocus={!editing}
                readOnly={editing}
                {...form.register("code")}
              />
            )}
          </FormField>
          <FormField label={t("form.kind")} error={errors.kind?.message}>
            {(p) =>
              editing ? (
                <Input {...p} readOnly value={t(`kindNames.${promo.kind}`)} />
              ) : (
                <select {...p} className={selectClass} {...form.register("kind")}>
                  {promoKinds.map((k) => (
                    <option key={k} value={k}>
                      {t(`kindNames.${k}`)}
                    </option>
                  ))}
                </select>
              )
            }
          </FormField>
          <FormField label={t("form.value")} hint={t("form.valueHint")} error={errors.value?.message}>
            {(p) => (
              <Input
                {...p}
                type="number"
                inputMode="numeric"
                min={1}
                {...form.register("value", { valueAsNumber: true })}
              />
            )}
          </FormField>
          {kind === "fixed_off" ? (
            <FormField label={t("form.currency")} error={errors.currency?.message}>
              {(p) => (
                <select
                  {...p}
                  className={selectClass}
                  {...form.register("currency", { setValueAs: (v) => (v === "" ? null : v) })}
                >
                  <option value="" />
                  <option value="RUB">RUB</option>
                  <option value="XTR">Stars (XTR)</option>
                </select>
              )}
            </FormField>
          ) : null}
          <FormField label={t("form.maxUses")} hint={t("form.maxUsesHint")} error={errors.max_uses?.message}>
            {(p) => (
              <Input
                {...p}
                type="number"
                inputMode="numeric"
                min={1}
                {...form.register("max_uses", {
                  setValueAs: (v) => (v === "" || v === null ? null : Number(v)),
                })}
              />
            )}
          </FormField>
          <Controller
            control={form.control}
            name="once_per_user"
            render={({ field }) => (
              <div className="flex items-center gap-2">
                <Checkbox
                  id="promo-once"
                  checked={field.value ?? true}
                  onCheckedChange={(v) => field.onChange(v === true)}
                />
                <Label htmlFor="promo-once">{t("form.oncePerUser")}</Label>
              </div>
            )}
          />
        </form>
        <DialogFooter>
          <SubmitButton form="promo-form" pending={mutation.isPending}>
            {editing ? t("form.save") : t("form.submit")}
          </SubmitButton>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
